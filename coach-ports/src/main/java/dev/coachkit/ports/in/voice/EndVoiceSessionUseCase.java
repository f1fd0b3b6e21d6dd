package dev.coachkit.ports.in.voice;

/** Driving port: ends a voice session, closing its upstream connection and recording duration and usage. */
public interface EndVoiceSessionUseCase {

  EndVoiceSessionResult end(EndVoiceSessionCommand command);
}
