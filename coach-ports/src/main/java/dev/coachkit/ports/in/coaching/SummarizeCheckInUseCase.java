package dev.coachkit.ports.in.coaching;

/** Driving port: extracts a structured check-in summary from a period of a user's conversations. */
public interface SummarizeCheckInUseCase {

  CheckInResult summarize(SummarizeCheckInCommand command);
}
