package dev.coachkit.ports.in.voice;

import dev.coachkit.ports.model.voice.VoiceSession;
import java.util.Optional;

/** Driving port: reads a voice session; empty when it does not exist or is another user's. */
public interface GetVoiceSessionUseCase {

  Optional<VoiceSession> get(GetVoiceSessionQuery query);
}
