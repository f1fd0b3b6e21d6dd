package dev.coachkit.domain.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.in.coaching.SetGoalCommand;
import dev.coachkit.ports.in.coaching.SetGoalResult;
import dev.coachkit.ports.model.coaching.Goal;
import dev.coachkit.ports.model.coaching.GoalStatus;
import dev.coachkit.ports.model.common.GoalId;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.testing.InMemoryCoachDataStore;
import dev.coachkit.ports.testing.MutableClock;
import dev.coachkit.ports.testing.TestIds;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SetGoalServiceTest {
  private final MutableClock clock = new MutableClock();
  private final InMemoryCoachDataStore store = new InMemoryCoachDataStore();
  private final SetGoalService service = new SetGoalService(store, IdGenerator.random(), clock);
  private final UserId user = TestIds.user();

  private SetGoalCommand goal(Optional<GoalId> id, UserId owner, GoalStatus status, LocalDate targetDate,
      double target) {
    return new SetGoalCommand(owner, id, "Reach 60 kg", Optional.of("weight"), Optional.of(target),
        Optional.of("kg"), Optional.of(targetDate), status);
  }

  @Test
  void givenANewGoal_set_savesItActive() {
    SetGoalResult result = service.set(goal(Optional.empty(), user, GoalStatus.ACTIVE, LocalDate.of(2026, 6, 1), 60));

    Goal goal = ((SetGoalResult.Saved) result).goal();
    assertThat(goal.createdAt()).isEqualTo(clock.instant());
    assertThat(store.goals(user)).containsExactly(goal);
  }

  @Test
  void givenAnExistingGoal_set_changesItKeepingWhenItWasCreated() {
    Goal first = ((SetGoalResult.Saved) service.set(
        goal(Optional.empty(), user, GoalStatus.ACTIVE, LocalDate.of(2026, 6, 1), 60))).goal();
    clock.advance(Duration.ofDays(30));

    Goal changed = ((SetGoalResult.Saved) service.set(
        goal(Optional.of(first.id()), user, GoalStatus.ACHIEVED, LocalDate.of(2026, 6, 1), 60))).goal();

    assertThat(changed.id()).isEqualTo(first.id());
    assertThat(changed.createdAt()).isEqualTo(first.createdAt());
    assertThat(changed.updatedAt()).isEqualTo(clock.instant());
    assertThat(store.goals(user)).containsExactly(changed);
  }

  @Test
  void givenAnotherUsersGoalId_set_isNotFound() {
    UserId other = TestIds.user();
    Goal theirs = ((SetGoalResult.Saved) service.set(
        goal(Optional.empty(), other, GoalStatus.ACTIVE, LocalDate.of(2026, 6, 1), 60))).goal();

    SetGoalResult result = service.set(goal(Optional.of(theirs.id()), user, GoalStatus.ABANDONED,
        LocalDate.of(2026, 6, 1), 60));

    assertThat(((SetGoalResult.Refused) result).refusal().reason()).isEqualTo(RefusalReason.NOT_FOUND);
    assertThat(store.goals(other)).containsExactly(theirs);
  }

  @Test
  void givenANewGoalDatedInThePast_set_isRefusedAsInvalid() {
    SetGoalResult result = service.set(goal(Optional.empty(), user, GoalStatus.ACTIVE, LocalDate.of(2025, 1, 1), 60));

    assertThat(((SetGoalResult.Refused) result).refusal().reason()).isEqualTo(RefusalReason.INVALID_REQUEST);
    assertThat(store.goals(user)).isEmpty();
  }

  @Test
  void givenAnImpossibleTarget_set_isRefusedNamingTheField() {
    SetGoalResult result = service.set(goal(Optional.empty(), user, GoalStatus.ACTIVE, LocalDate.of(2026, 6, 1),
        Double.NaN));

    assertThat(((SetGoalResult.Refused) result).refusal().message()).contains("targetValue");
  }
}
