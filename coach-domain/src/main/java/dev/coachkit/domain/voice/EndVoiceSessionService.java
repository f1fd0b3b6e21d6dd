package dev.coachkit.domain.voice;

import dev.coachkit.ports.in.voice.EndVoiceSessionCommand;
import dev.coachkit.ports.in.voice.EndVoiceSessionResult;
import dev.coachkit.ports.in.voice.EndVoiceSessionUseCase;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.out.voice.VoiceSessionStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Ends a voice session: a call live on this server is ended by its own orchestration (upstream closed, the turn
 * in flight stored, duration and usage recorded); otherwise the stored session is marked ENDED (a call live on
 * another instance notices on its next tick). Ending an ended session returns it unchanged.
 */
public final class EndVoiceSessionService implements EndVoiceSessionUseCase {
  private final VoiceSessionStore sessions;
  private final VoiceCallEngine engine;
  private final Clock clock;

  public EndVoiceSessionService(VoiceSessionStore sessions, VoiceCallEngine engine, Clock clock) {
    this.sessions = Objects.requireNonNull(sessions, "sessions must not be null");
    this.engine = Objects.requireNonNull(engine, "engine must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @Override
  public EndVoiceSessionResult end(EndVoiceSessionCommand command) {
    Objects.requireNonNull(command, "command must not be null");
    Optional<VoiceSession> found = sessions.find(command.userId(), command.sessionId());
    if (found.isEmpty()) {
      return new EndVoiceSessionResult.Refused(VoiceRefusals.notFound());
    }
    if (!found.get().isOpen()) {
      return new EndVoiceSessionResult.Ended(found.get());
    }
    Optional<VoiceSession> endedLive = engine.endLive(command.sessionId(), command.reason());
    if (endedLive.isPresent() && !endedLive.get().isOpen()) {
      return new EndVoiceSessionResult.Ended(endedLive.get());
    }
    VoiceSession ended = VoiceSessions.end(
        sessions.find(command.userId(), command.sessionId()).orElse(found.get()), command.reason(), clock.instant());
    sessions.update(ended);
    return new EndVoiceSessionResult.Ended(ended);
  }
}
