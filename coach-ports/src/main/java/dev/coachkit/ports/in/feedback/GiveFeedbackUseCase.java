package dev.coachkit.ports.in.feedback;

/** Driving port: records a user's feedback, replacing their earlier feedback on the same target. */
public interface GiveFeedbackUseCase {

  GiveFeedbackResult give(GiveFeedbackCommand command);
}
