package dev.coachkit.domain.coaching;

import dev.coachkit.ports.in.coaching.GetCoachKnowledgeQuery;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeUseCase;
import dev.coachkit.ports.model.coaching.CoachDataWindow;
import dev.coachkit.ports.model.coaching.CoachKnowledge;
import dev.coachkit.ports.model.coaching.RecentCoachData;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Assembles what the coach knows about a user now: profile, the last days of workouts and nutrition, recent
 * progress, active goals, the last check-in and the plans in force (workout first).
 */
public final class GetCoachKnowledgeService implements GetCoachKnowledgeUseCase {
  private final CoachDataStore store;
  private final Clock clock;
  private final CoachKnowledgeWindows windows;

  public GetCoachKnowledgeService(CoachDataStore store, Clock clock, CoachKnowledgeWindows windows) {
    this.store = Objects.requireNonNull(store, "store must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.windows = Objects.requireNonNull(windows, "windows must not be null");
  }

  @Override
  public CoachKnowledge get(GetCoachKnowledgeQuery query) {
    UserId user = query.userId();
    Instant now = clock.instant();
    // One read, plans in force included: the store answers in one call (one statement in the database adapter)
    // instead of one call per kind of record.
    return knowledge(user, now, store.recent(user, windowAt(now)));
  }

  /** The clock this service reads "now" from. */
  public Clock clock() {
    return clock;
  }

  /** The records a read made at {@code now} covers: the last days of workouts and nutrition, recent progress. */
  public CoachDataWindow windowAt(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    return new CoachDataWindow(
        today.minusDays(windows.workoutDays() - 1L),
        today.minusDays(windows.nutritionDays() - 1L),
        today,
        now.minus(Duration.ofDays(windows.progressDays())),
        // the end is exclusive; a second's slack keeps a measurement taken "now" in the window
        now.plusSeconds(1));
  }

  /** What the coach knows at {@code now} from a read of {@link #windowAt}{@code (now)}. */
  public static CoachKnowledge knowledge(UserId user, Instant now, RecentCoachData recent) {
    return new CoachKnowledge(
        user,
        now,
        recent.profile(),
        recent.workouts(),
        recent.nutritionDays(),
        recent.measurements(),
        recent.activeGoals(),
        recent.latestCheckIn(),
        recent.activePlans());
  }
}
