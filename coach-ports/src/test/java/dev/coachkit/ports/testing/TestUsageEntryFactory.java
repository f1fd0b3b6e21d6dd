package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.usage.UsageEntry;
import java.time.Instant;
import java.util.Optional;

/** Fixtures for usage ledger entries. */
public final class TestUsageEntryFactory {
  private TestUsageEntryFactory() {}

  public static UsageEntry chat(UserId userId, ConversationId conversationId, long costMicros, Instant at) {
    return new UsageEntry(TestIds.usageEntry(), userId, Optional.empty(), Optional.of(conversationId), "gpt-4o-mini",
        TokenUsage.text(1_000, 200, 300), 0, 0, costMicros, at);
  }

  public static UsageEntry voice(UserId userId, VoiceSessionId sessionId, long costMicros, Instant at) {
    return new UsageEntry(TestIds.usageEntry(), userId, Optional.of(sessionId), Optional.empty(), "gpt-realtime",
        new TokenUsage(2_000, 100, 800, 1_500, 600), 4.5, 3.25, costMicros, at);
  }
}
