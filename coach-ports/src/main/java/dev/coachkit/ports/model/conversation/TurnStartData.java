package dev.coachkit.ports.model.conversation;

import dev.coachkit.ports.model.coaching.RecentCoachData;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.usage.UsageTally;

/**
 * What a chat turn reads before it decides anything: the user's recent coach data (as {@code CoachDataStore.recent}
 * answers it) and their usage tally (as {@code UsageLedger.tally} answers it).
 */
public record TurnStartData(RecentCoachData coachData, UsageTally usage) {
  public TurnStartData {
    Require.nonNull(coachData, "coachData");
    Require.nonNull(usage, "usage");
  }
}
