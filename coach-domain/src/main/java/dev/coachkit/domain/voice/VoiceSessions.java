package dev.coachkit.domain.voice;

import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.voice.VoiceEndReason;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.model.voice.VoiceSessionStatus;
import dev.coachkit.ports.model.voice.VoiceTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The voice-session lifecycle as functions over the immutable {@link VoiceSession} record.
 *
 * <p>CREATED → ACTIVE → ENDED | EXPIRED | FAILED; CREATED may also go straight to a final state. A new session
 * must be connected before {@code expiresAt} (creation + the maximum call duration); activating it restarts the
 * clock, so the call itself gets the full maximum duration. Ending an already final session changes nothing and
 * is not an error (ending is idempotent). Counters only grow, and only while the session is open.
 */
public final class VoiceSessions {
  private VoiceSessions() {}

  /** A new CREATED session that must be connected within {@code maxDuration}. */
  public static VoiceSession create(VoiceSessionId id, UserId userId, ConversationId conversationId, String voice,
      Persona persona, Locale language, VoiceTransport transport, Instant at, Duration maxDuration) {
    requirePositive(maxDuration, "maxDuration");
    return new VoiceSession(id, userId, conversationId, VoiceSessionStatus.CREATED, voice, persona, language,
        transport, at, Optional.empty(), Optional.empty(), at.plus(maxDuration), at, Optional.empty(), 0, 0, 0, 0, 0,
        Optional.empty());
  }

  /**
   * The call went live: ACTIVE from {@code at}, ending at the latest {@code maxDuration} later. An ACTIVE session
   * (a client reconnecting) keeps its start and deadline. Refused when the session is final or has expired.
   */
  public static VoiceSessionChange activate(VoiceSession s, Instant at, Duration maxDuration) {
    requirePositive(maxDuration, "maxDuration");
    if (!s.isOpen()) {
      return refused(RefusalReason.INVALID_STATE, "This voice session has already ended.");
    }
    if (hasExpired(s, at)) {
      return refused(RefusalReason.INVALID_STATE, "This voice session has expired; start a new one.");
    }
    if (s.status() == VoiceSessionStatus.ACTIVE) {
      return new VoiceSessionChange.Changed(touch(s, at));
    }
    return new VoiceSessionChange.Changed(copy(s, VoiceSessionStatus.ACTIVE, Optional.of(at), Optional.empty(),
        at.plus(maxDuration), at, s.callId(), s.audioSecondsIn(), s.audioSecondsOut(), s.tokensIn(), s.tokensOut(),
        s.costMicros(), Optional.empty()));
  }

  /** ENDED for this reason (the user hung up, a limit was reached, …); a final session is returned unchanged. */
  public static VoiceSession end(VoiceSession s, VoiceEndReason reason, Instant at) {
    return close(s, VoiceSessionStatus.ENDED, reason, at);
  }

  /** EXPIRED: never connected in time, or found stale (no live call, no activity); a final session is unchanged. */
  public static VoiceSession expire(VoiceSession s, Instant at) {
    return close(s, VoiceSessionStatus.EXPIRED, VoiceEndReason.EXPIRED, at);
  }

  /** FAILED for this reason (usually UPSTREAM_FAILED); a final session is returned unchanged. */
  public static VoiceSession fail(VoiceSession s, VoiceEndReason reason, Instant at) {
    return close(s, VoiceSessionStatus.FAILED, reason, at);
  }

  /** Something happened in the call at {@code at}: the idle clock restarts. Time never moves back. */
  public static VoiceSession touch(VoiceSession s, Instant at) {
    if (!s.isOpen() || !at.isAfter(s.lastActivityAt())) {
      return s;
    }
    return copy(s, s.status(), s.startedAt(), s.endedAt(), s.expiresAt(), at, s.callId(), s.audioSecondsIn(),
        s.audioSecondsOut(), s.tokensIn(), s.tokensOut(), s.costMicros(), s.endReason());
  }

  /** Adds audio seconds heard from the user (in) and spoken by the coach (out). */
  public static VoiceSession addAudio(VoiceSession s, double secondsIn, double secondsOut) {
    if (secondsIn < 0 || secondsOut < 0) {
      throw new IllegalArgumentException("audio seconds must not be negative");
    }
    if (!s.isOpen()) {
      return s;
    }
    return copy(s, s.status(), s.startedAt(), s.endedAt(), s.expiresAt(), s.lastActivityAt(), s.callId(),
        s.audioSecondsIn() + secondsIn, s.audioSecondsOut() + secondsOut, s.tokensIn(), s.tokensOut(),
        s.costMicros(), s.endReason());
  }

  /** Adds one model response's tokens (all modalities) and cost. */
  public static VoiceSession addUsage(VoiceSession s, TokenUsage tokens, long costMicros) {
    Objects.requireNonNull(tokens, "tokens must not be null");
    if (costMicros < 0) {
      throw new IllegalArgumentException("costMicros must not be negative");
    }
    if (!s.isOpen()) {
      return s;
    }
    return copy(s, s.status(), s.startedAt(), s.endedAt(), s.expiresAt(), s.lastActivityAt(), s.callId(),
        s.audioSecondsIn(), s.audioSecondsOut(), Math.addExact(s.tokensIn(), tokens.inputTokens()),
        Math.addExact(s.tokensOut(), tokens.outputTokens()), Math.addExact(s.costMicros(), costMicros),
        s.endReason());
  }

  /** Records the provider's WebRTC call id; refused for a final session, a relay session or another call id. */
  public static VoiceSessionChange registerCall(VoiceSession s, String callId) {
    Objects.requireNonNull(callId, "callId must not be null");
    if (s.transport() != VoiceTransport.WEBRTC) {
      return refused(RefusalReason.INVALID_REQUEST, "Only a WebRTC voice session has a call to register.");
    }
    if (!s.isOpen()) {
      return refused(RefusalReason.INVALID_STATE, "This voice session has already ended.");
    }
    if (s.callId().isPresent()) {
      return s.callId().get().equals(callId) ? new VoiceSessionChange.Changed(s)
          : refused(RefusalReason.INVALID_STATE, "Another call is already registered for this voice session.");
    }
    return new VoiceSessionChange.Changed(copy(s, s.status(), s.startedAt(), s.endedAt(), s.expiresAt(),
        s.lastActivityAt(), Optional.of(callId), s.audioSecondsIn(), s.audioSecondsOut(), s.tokensIn(),
        s.tokensOut(), s.costMicros(), s.endReason()));
  }

  /** Whether the session's deadline has passed at {@code at}. */
  public static boolean hasExpired(VoiceSession s, Instant at) {
    return !at.isBefore(s.expiresAt());
  }

  /** Whether nothing has happened in the session for at least {@code idleTimeout}. */
  public static boolean isIdle(VoiceSession s, Instant at, Duration idleTimeout) {
    return !at.isBefore(s.lastActivityAt().plus(idleTimeout));
  }

  /**
   * Whether an open session is stale at {@code at}: past its deadline, or idle for longer than the timeout (so no
   * live call can be holding it); the store's one-open-session slot is then the domain's to free.
   */
  public static boolean isStale(VoiceSession s, Instant at, Duration idleTimeout) {
    return s.isOpen() && (hasExpired(s, at) || isIdle(s, at, idleTimeout));
  }

  /** How long the call lasted: start to end, start to {@code at} while active, zero if it never started. */
  public static Duration duration(VoiceSession s, Instant at) {
    if (s.startedAt().isEmpty()) {
      return Duration.ZERO;
    }
    Instant end = s.endedAt().orElse(at);
    Duration d = Duration.between(s.startedAt().get(), end);
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static VoiceSession close(VoiceSession s, VoiceSessionStatus status, VoiceEndReason reason, Instant at) {
    Objects.requireNonNull(reason, "reason must not be null");
    Objects.requireNonNull(at, "at must not be null");
    if (!s.isOpen()) {
      return s;
    }
    Instant endedAt = at.isBefore(s.createdAt()) ? s.createdAt() : at;
    return copy(s, status, s.startedAt(), Optional.of(endedAt), s.expiresAt(),
        endedAt.isAfter(s.lastActivityAt()) ? endedAt : s.lastActivityAt(), s.callId(), s.audioSecondsIn(),
        s.audioSecondsOut(), s.tokensIn(), s.tokensOut(), s.costMicros(), Optional.of(reason));
  }

  private static VoiceSessionChange refused(RefusalReason reason, String message) {
    return new VoiceSessionChange.Refused(Refusal.of(reason, message));
  }

  private static void requirePositive(Duration d, String field) {
    Objects.requireNonNull(d, field + " must not be null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, was " + d);
    }
  }

  private static VoiceSession copy(VoiceSession s, VoiceSessionStatus status, Optional<Instant> startedAt,
      Optional<Instant> endedAt, Instant expiresAt, Instant lastActivityAt, Optional<String> callId, double audioIn,
      double audioOut, long tokensIn, long tokensOut, long costMicros, Optional<VoiceEndReason> endReason) {
    return new VoiceSession(s.id(), s.userId(), s.conversationId(), status, s.voice(), s.persona(), s.language(),
        s.transport(), s.createdAt(), startedAt, endedAt, expiresAt, lastActivityAt, callId, audioIn, audioOut,
        tokensIn, tokensOut, costMicros, endReason);
  }
}
