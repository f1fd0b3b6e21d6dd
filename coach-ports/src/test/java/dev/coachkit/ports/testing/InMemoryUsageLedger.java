package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.common.UsageEntryId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.usage.UsageEntry;
import dev.coachkit.ports.model.usage.UsageSummary;
import dev.coachkit.ports.model.usage.UsageTally;
import dev.coachkit.ports.out.usage.UsageLedger;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** In-memory {@link UsageLedger}; thread-safe by one lock. */
public final class InMemoryUsageLedger implements UsageLedger {
  private final Map<UsageEntryId, UsageEntry> entries = new LinkedHashMap<>();

  @Override
  public synchronized void record(UsageEntry entry) {
    entries.putIfAbsent(entry.id(), entry);
  }

  @Override
  public synchronized UsageSummary summarize(UserId userId, Instant from, Instant to) {
    return sum(e -> e.userId().equals(userId) && !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to));
  }

  @Override
  public synchronized UsageSummary summarizeSession(UserId userId, VoiceSessionId sessionId) {
    return sum(e -> e.userId().equals(userId) && e.voiceSessionId().equals(Optional.of(sessionId)));
  }

  @Override
  public synchronized long costSince(UserId userId, Instant since) {
    return sum(e -> e.userId().equals(userId) && !e.occurredAt().isBefore(since)).costMicros();
  }

  @Override
  public synchronized long countResponsesSince(UserId userId, Instant since) {
    return sum(e -> e.userId().equals(userId) && !e.occurredAt().isBefore(since)).responses();
  }

  @Override
  public synchronized UsageTally tally(UserId userId, Instant costSince, Instant responsesSince) {
    return new UsageTally(costSince(userId, costSince), countResponsesSince(userId, responsesSince));
  }

  @Override
  public synchronized List<UsageEntry> entriesOf(UserId userId) {
    return entries.values().stream()
        .filter(e -> e.userId().equals(userId))
        .sorted(Comparator.comparing(UsageEntry::occurredAt))
        .toList();
  }

  @Override
  public synchronized void deleteAllOf(UserId userId) {
    entries.values().removeIf(e -> e.userId().equals(userId));
  }

  private UsageSummary sum(Predicate<UsageEntry> filter) {
    UsageSummary total = UsageSummary.EMPTY;
    for (UsageEntry e : entries.values()) {
      if (filter.test(e)) {
        total = total.plus(e);
      }
    }
    return total;
  }
}
