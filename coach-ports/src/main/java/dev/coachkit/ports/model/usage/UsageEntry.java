package dev.coachkit.ports.model.usage;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UsageEntryId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.model.TokenUsage;
import java.time.Instant;
import java.util.Optional;

/** What one model response used and cost (micro-USD), attributed to a user and a voice session or conversation. */
public record UsageEntry(
    UsageEntryId id,
    UserId userId,
    Optional<VoiceSessionId> voiceSessionId,
    Optional<ConversationId> conversationId,
    String model,
    TokenUsage tokens,
    double audioSecondsIn,
    double audioSecondsOut,
    long costMicros,
    Instant occurredAt) {
  public UsageEntry {
    Require.nonNull(id, "id");
    Require.nonNull(userId, "userId");
    Require.nonNull(voiceSessionId, "voiceSessionId");
    Require.nonNull(conversationId, "conversationId");
    Require.text(model, "model", 128);
    Require.nonNull(tokens, "tokens");
    Require.nonNegative(audioSecondsIn, "audioSecondsIn");
    Require.nonNegative(audioSecondsOut, "audioSecondsOut");
    Require.nonNegative(costMicros, "costMicros");
    Require.nonNull(occurredAt, "occurredAt");
  }
}
