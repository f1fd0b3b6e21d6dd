package dev.coachkit.domain.voice;

import dev.coachkit.ports.in.voice.GetVoiceSessionQuery;
import dev.coachkit.ports.in.voice.GetVoiceSessionUseCase;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.out.voice.VoiceSessionStore;
import java.util.Objects;
import java.util.Optional;

/** Reads one of the user's voice sessions as stored (another user's is reported as absent). */
public final class GetVoiceSessionService implements GetVoiceSessionUseCase {
  private final VoiceSessionStore sessions;

  public GetVoiceSessionService(VoiceSessionStore sessions) {
    this.sessions = Objects.requireNonNull(sessions, "sessions must not be null");
  }

  @Override
  public Optional<VoiceSession> get(GetVoiceSessionQuery query) {
    Objects.requireNonNull(query, "query must not be null");
    return sessions.find(query.userId(), query.sessionId());
  }
}
