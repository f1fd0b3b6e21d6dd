package dev.coachkit.domain.voice;

import dev.coachkit.domain.usage.UsageGuard;
import dev.coachkit.ports.in.voice.ConnectVoiceSessionCommand;
import dev.coachkit.ports.in.voice.ConnectVoiceSessionResult;
import dev.coachkit.ports.in.voice.ConnectVoiceSessionUseCase;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.model.voice.VoiceTransport;
import dev.coachkit.ports.out.voice.VoiceSessionStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Joins a relay client to its open RELAY session: budget and rate limit first, then the engine opens the upstream
 * model session and the call goes live (the coach greets first). A session past its deadline is expired and
 * refused; a session already live on this server is refused; an ACTIVE session without a live call (the client
 * reconnecting) is resumed without a second greeting.
 */
public final class ConnectVoiceSessionService implements ConnectVoiceSessionUseCase {
  private final VoiceSessionStore sessions;
  private final UsageGuard usageGuard;
  private final VoiceCallEngine engine;
  private final Clock clock;

  public ConnectVoiceSessionService(VoiceSessionStore sessions, UsageGuard usageGuard, VoiceCallEngine engine,
      Clock clock) {
    this.sessions = Objects.requireNonNull(sessions, "sessions must not be null");
    this.usageGuard = Objects.requireNonNull(usageGuard, "usageGuard must not be null");
    this.engine = Objects.requireNonNull(engine, "engine must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @Override
  public CompletionStage<ConnectVoiceSessionResult> connect(ConnectVoiceSessionCommand command) {
    Objects.requireNonNull(command, "command must not be null");
    Optional<VoiceSession> found = sessions.find(command.userId(), command.sessionId());
    if (found.isEmpty()) {
      return refused(VoiceRefusals.notFound());
    }
    VoiceSession session = found.get();
    if (session.transport() != VoiceTransport.RELAY) {
      return refused(VoiceRefusals.wrongTransport(
          "This is a WebRTC voice session: the browser connects to the model directly."));
    }
    if (!session.isOpen()) {
      return refused(VoiceRefusals.ended());
    }
    if (VoiceSessions.hasExpired(session, clock.instant())) {
      sessions.update(VoiceSessions.expire(session, clock.instant()));
      return refused(VoiceRefusals.ended());
    }
    Optional<Refusal> limit = usageGuard.check(command.userId());
    if (limit.isPresent()) {
      return refused(limit.get());
    }
    return engine.connectRelay(session, command.listener());
  }

  private static CompletionStage<ConnectVoiceSessionResult> refused(Refusal refusal) {
    return CompletableFuture.completedFuture(new ConnectVoiceSessionResult.Refused(refusal));
  }
}
