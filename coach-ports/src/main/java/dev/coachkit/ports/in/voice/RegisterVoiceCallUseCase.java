package dev.coachkit.ports.in.voice;

/** Driving port: records a WebRTC call id and attaches the server to the call to run tools and record it. */
public interface RegisterVoiceCallUseCase {

  RegisterVoiceCallResult register(RegisterVoiceCallCommand command);
}
