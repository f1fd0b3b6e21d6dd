package dev.coachkit.ports.model.voice;

import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The state of one voice call; rules that change it live in the domain and return a new record.
 *
 * <p>An ACTIVE session has {@code startedAt}; an ENDED, EXPIRED or FAILED one has {@code endedAt} and
 * {@code endReason}. {@code callId} is the provider's WebRTC call id, once registered for sideband control.
 */
public record VoiceSession(
    VoiceSessionId id,
    UserId userId,
    ConversationId conversationId,
    VoiceSessionStatus status,
    String voice,
    Persona persona,
    Locale language,
    VoiceTransport transport,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> endedAt,
    Instant expiresAt,
    Instant lastActivityAt,
    Optional<String> callId,
    double audioSecondsIn,
    double audioSecondsOut,
    long tokensIn,
    long tokensOut,
    long costMicros,
    Optional<VoiceEndReason> endReason) {
  public VoiceSession {
    Require.nonNull(id, "id");
    Require.nonNull(userId, "userId");
    Require.nonNull(conversationId, "conversationId");
    Require.nonNull(status, "status");
    Require.text(voice, "voice", 64);
    Require.nonNull(persona, "persona");
    Require.nonNull(language, "language");
    Require.nonNull(transport, "transport");
    Require.nonNull(createdAt, "createdAt");
    Require.nonNull(startedAt, "startedAt");
    Require.nonNull(endedAt, "endedAt");
    Require.nonNull(expiresAt, "expiresAt");
    Require.nonNull(lastActivityAt, "lastActivityAt");
    Require.optionalText(callId, "callId", 256);
    Require.nonNegative(audioSecondsIn, "audioSecondsIn");
    Require.nonNegative(audioSecondsOut, "audioSecondsOut");
    Require.nonNegative(tokensIn, "tokensIn");
    Require.nonNegative(tokensOut, "tokensOut");
    Require.nonNegative(costMicros, "costMicros");
    Require.nonNull(endReason, "endReason");
    if (expiresAt.isBefore(createdAt)) {
      throw new IllegalArgumentException("expiresAt must not be before createdAt");
    }
    if (status == VoiceSessionStatus.ACTIVE && startedAt.isEmpty()) {
      throw new IllegalArgumentException("startedAt must be present when status is ACTIVE");
    }
    if (status.isOpen() == endedAt.isPresent()) {
      throw new IllegalArgumentException("endedAt must be present exactly when status is ENDED, EXPIRED or FAILED");
    }
    if (status.isOpen() == endReason.isPresent()) {
      throw new IllegalArgumentException("endReason must be present exactly when status is ENDED, EXPIRED or FAILED");
    }
  }

  /** Whether this session occupies the user's open voice-session slot. */
  public boolean isOpen() {
    return status.isOpen();
  }
}
