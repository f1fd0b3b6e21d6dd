package dev.coachkit.ports.out.usage;

import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.usage.UsageEntry;
import dev.coachkit.ports.model.usage.UsageSummary;
import dev.coachkit.ports.model.usage.UsageTally;
import java.time.Instant;
import java.util.List;

/** Driven port: records one entry per model response and answers the sums that budgets and reports need. */
public interface UsageLedger {

  /** Records the entry; recording the same entry id again changes nothing. */
  void record(UsageEntry entry);

  /** Totals of the user's entries that occurred in {@code [from, to)}. */
  UsageSummary summarize(UserId userId, Instant from, Instant to);

  /** Totals of the user's entries for one voice session. */
  UsageSummary summarizeSession(UserId userId, VoiceSessionId sessionId);

  /** The user's cost in micro-USD of entries at or after {@code since}. */
  long costSince(UserId userId, Instant since);

  /** How many model responses the user had at or after {@code since}. */
  long countResponsesSince(UserId userId, Instant since);

  /**
   * Both figures of a turn's usage checks at once: the user's cost since {@code costSince} (as {@link #costSince})
   * and their number of responses since {@code responsesSince} (as {@link #countResponsesSince}).
   */
  UsageTally tally(UserId userId, Instant costSince, Instant responsesSince);

  /** All of the user's entries, oldest first, for export. */
  List<UsageEntry> entriesOf(UserId userId);

  /** Removes every entry of this user, and nothing of anyone else. */
  void deleteAllOf(UserId userId);
}
