package dev.coachkit.ports.out.conversation;

import dev.coachkit.ports.model.coaching.CoachDataWindow;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.TurnStartData;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.usage.UsageLedger;
import java.time.Instant;
import java.util.Objects;

/**
 * Driven port: the two reads that open a chat turn, answered in one call, so that a database adapter can answer them
 * with one statement (ADR-0026). The answer is exactly what {@link CoachDataStore#recent} and
 * {@link UsageLedger#tally} answer for the same arguments.
 */
@FunctionalInterface
public interface TurnStartReads {

  /** The user's recent coach data for {@code window} and usage tally since {@code costSince}/{@code responsesSince}. */
  TurnStartData read(UserId userId, CoachDataWindow window, Instant costSince, Instant responsesSince);

  /** The two reads made one after the other through the two stores: for stores that cannot share a read. */
  static TurnStartReads separately(CoachDataStore coachData, UsageLedger ledger) {
    Objects.requireNonNull(coachData, "coachData must not be null");
    Objects.requireNonNull(ledger, "ledger must not be null");
    return (userId, window, costSince, responsesSince) -> new TurnStartData(coachData.recent(userId, window),
        ledger.tally(userId, costSince, responsesSince));
  }
}
