package dev.coachkit.ports.in.voice;

/** Driving port: starts a voice session, at most the configured number open per user. */
public interface StartVoiceSessionUseCase {

  StartVoiceSessionResult start(StartVoiceSessionCommand command);
}
