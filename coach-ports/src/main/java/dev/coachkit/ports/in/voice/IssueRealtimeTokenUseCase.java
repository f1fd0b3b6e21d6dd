package dev.coachkit.ports.in.voice;

/** Driving port: issues an ephemeral realtime token configured for a voice session (instructions, tools, voice). */
public interface IssueRealtimeTokenUseCase {

  IssueRealtimeTokenResult issue(IssueRealtimeTokenCommand command);
}
