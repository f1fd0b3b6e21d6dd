package dev.coachkit.domain.coaching;

import dev.coachkit.ports.in.coaching.SetGoalCommand;
import dev.coachkit.ports.in.coaching.SetGoalResult;
import dev.coachkit.ports.in.coaching.SetGoalUseCase;
import dev.coachkit.ports.model.coaching.Goal;
import dev.coachkit.ports.model.coaching.GoalStatus;
import dev.coachkit.ports.model.common.GoalId;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.common.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates a goal, or changes one of the user's goals (keeping when it was created). Refuses NOT_FOUND for an id
 * that is not the user's, and INVALID_REQUEST for a new active goal dated in the past or values a goal cannot hold.
 */
public final class SetGoalService implements SetGoalUseCase {
  private final CoachDataStore store;
  private final IdGenerator ids;
  private final Clock clock;

  public SetGoalService(CoachDataStore store, IdGenerator ids, Clock clock) {
    this.store = Objects.requireNonNull(store, "store must not be null");
    this.ids = Objects.requireNonNull(ids, "ids must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @Override
  public SetGoalResult set(SetGoalCommand command) {
    Instant now = clock.instant();
    Optional<Goal> existing = Optional.empty();
    if (command.goalId().isPresent()) {
      existing = store.findGoal(command.userId(), command.goalId().get());
      if (existing.isEmpty()) {
        return new SetGoalResult.Refused(Refusal.notFound("goal"));
      }
    }
    boolean newGoal = existing.isEmpty();
    if (newGoal && command.status() == GoalStatus.ACTIVE && command.targetDate().isPresent()
        && command.targetDate().get().isBefore(Calendar.today(clock))) {
      return new SetGoalResult.Refused(
          Refusal.of(RefusalReason.INVALID_REQUEST, "targetDate must not be in the past for a new goal"));
    }
    Goal goal;
    try {
      goal = new Goal(
          existing.map(Goal::id).orElseGet(() -> GoalId.of(ids.next())),
          command.userId(),
          command.description().strip(),
          command.metric().map(String::strip),
          command.targetValue(),
          command.unit().map(String::strip),
          command.targetDate(),
          command.status(),
          existing.map(Goal::createdAt).orElse(now),
          now);
    } catch (IllegalArgumentException e) {
      return new SetGoalResult.Refused(Refusal.of(RefusalReason.INVALID_REQUEST, e.getMessage()));
    }
    store.saveGoal(goal);
    return new SetGoalResult.Saved(goal);
  }
}
