package dev.coachkit.domain.voice;

import dev.coachkit.ports.in.voice.RegisterVoiceCallCommand;
import dev.coachkit.ports.in.voice.RegisterVoiceCallResult;
import dev.coachkit.ports.in.voice.RegisterVoiceCallUseCase;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.out.voice.VoiceSessionStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Records the provider's call id of a browser's WebRTC call and attaches the server to it (sideband): the server
 * greets the user, runs the tools, stores both transcripts, records usage and ends the call at the limits, just
 * as for a relayed call. Waits (at most {@code waitForCall}) for the attach; if it fails the session is FAILED.
 * Registering the same call again is harmless; another call id for the session is refused.
 */
public final class RegisterVoiceCallService implements RegisterVoiceCallUseCase {
  private final VoiceSessionStore sessions;
  private final VoiceCallEngine engine;
  private final Clock clock;

  public RegisterVoiceCallService(VoiceSessionStore sessions, VoiceCallEngine engine, Clock clock) {
    this.sessions = Objects.requireNonNull(sessions, "sessions must not be null");
    this.engine = Objects.requireNonNull(engine, "engine must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @Override
  public RegisterVoiceCallResult register(RegisterVoiceCallCommand command) {
    Objects.requireNonNull(command, "command must not be null");
    Optional<VoiceSession> found = sessions.find(command.userId(), command.sessionId());
    if (found.isEmpty()) {
      return new RegisterVoiceCallResult.Refused(VoiceRefusals.notFound());
    }
    VoiceSession session = found.get();
    if (session.isOpen() && VoiceSessions.hasExpired(session, clock.instant())) {
      sessions.update(VoiceSessions.expire(session, clock.instant()));
      return new RegisterVoiceCallResult.Refused(VoiceRefusals.ended());
    }
    VoiceSessionChange change = VoiceSessions.registerCall(session, command.callId());
    if (change instanceof VoiceSessionChange.Refused) {
      return new RegisterVoiceCallResult.Refused(((VoiceSessionChange.Refused) change).refusal());
    }
    VoiceSession registered = ((VoiceSessionChange.Changed) change).session();
    sessions.update(registered);
    Optional<Refusal> attachFailure = engine.await(engine.attachSideband(registered).toCompletableFuture()
        .exceptionally(failure -> Optional.of(VoiceRefusals.of(failure))));
    if (attachFailure == null) {
      return new RegisterVoiceCallResult.Refused(new Refusal(RefusalReason.MODEL_UNAVAILABLE,
          "Attaching to the call is taking too long; please try again.",
          Optional.of(VoiceRefusals.DEFAULT_RETRY_AFTER)));
    }
    if (attachFailure.isPresent()) {
      return new RegisterVoiceCallResult.Refused(attachFailure.get());
    }
    return new RegisterVoiceCallResult.Registered(sessions.find(command.userId(), command.sessionId())
        .orElse(registered));
  }
}
