package dev.coachkit.domain.usage;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UsageEntryId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.usage.UsageEntry;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.out.usage.UsageLedger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Writes one priced ledger entry per model response. */
public final class UsageRecorder {
  private final UsageLedger ledger;
  private final PriceTable prices;
  private final IdGenerator ids;

  public UsageRecorder(UsageLedger ledger, PriceTable prices, IdGenerator ids) {
    this.ledger = Objects.requireNonNull(ledger, "ledger must not be null");
    this.prices = Objects.requireNonNull(prices, "prices must not be null");
    this.ids = Objects.requireNonNull(ids, "ids must not be null");
  }

  /** Records a chat response's usage against a conversation. */
  public UsageEntry recordChat(UserId userId, ConversationId conversationId, String model, TokenUsage tokens,
      Instant at) {
    return record(userId, Optional.of(conversationId), Optional.empty(), model, tokens, 0, 0, at);
  }

  /** Records one model response's usage, priced by the table. */
  public UsageEntry record(UserId userId, Optional<ConversationId> conversationId,
      Optional<VoiceSessionId> voiceSessionId, String model, TokenUsage tokens, double audioSecondsIn,
      double audioSecondsOut, Instant at) {
    UsageEntry entry = new UsageEntry(UsageEntryId.of(ids.next()), userId, voiceSessionId, conversationId, model,
        tokens, audioSecondsIn, audioSecondsOut, prices.costMicros(model, tokens), at);
    ledger.record(entry);
    return entry;
  }
}
