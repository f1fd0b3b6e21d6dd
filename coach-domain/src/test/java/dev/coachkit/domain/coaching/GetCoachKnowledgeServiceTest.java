package dev.coachkit.domain.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.in.coaching.GetCoachKnowledgeQuery;
import dev.coachkit.ports.model.coaching.CheckInSummary;
import dev.coachkit.ports.model.coaching.CoachKnowledge;
import dev.coachkit.ports.model.coaching.Goal;
import dev.coachkit.ports.model.coaching.GoalStatus;
import dev.coachkit.ports.model.coaching.WorkoutLog;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.PlanKind;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestIds;
import dev.coachkit.ports.testing.TestPlanFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GetCoachKnowledgeServiceTest {
  private final TestCoachWorld world = new TestCoachWorld(); // Monday 2026-01-05 09:00 UTC
  private final GetCoachKnowledgeService service = new GetCoachKnowledgeService(world.coachData, world.clock,
      CoachKnowledgeWindows.standard());
  private final UserId user = TestIds.user();
  private final LocalDate today = TestCoachDataFactory.MONDAY;

  @Test
  void givenWorkoutsOverTwoWeeks_get_includesOnlyTheLastSevenDays() {
    WorkoutLog recent = TestCoachDataFactory.workout(user, today.minusDays(6));
    world.coachData.saveWorkout(TestCoachDataFactory.workout(user, today.minusDays(7)));
    world.coachData.saveWorkout(recent);
    world.coachData.saveNutritionDay(TestCoachDataFactory.nutritionDay(user, today.minusDays(10), 50));
    world.coachData.saveNutritionDay(TestCoachDataFactory.nutritionDay(user, today, 90));

    CoachKnowledge knowledge = service.get(new GetCoachKnowledgeQuery(user));

    assertThat(knowledge.recentWorkouts()).containsExactly(recent);
    assertThat(knowledge.recentNutrition()).singleElement()
        .satisfies(d -> assertThat(d.adherencePercent()).isEqualTo(90));
    assertThat(knowledge.asOf()).isEqualTo(world.clock.instant());
  }

  @Test
  void givenGoalsCheckInsPlansAndProgress_get_includesActiveGoalsTheLastCheckInAndActivePlans() {
    Instant now = world.clock.instant();
    world.coachData.saveProfile(TestCoachDataFactory.profile(user));
    Goal active = TestCoachDataFactory.goal(user, "60 kg", now);
    Goal done = TestCoachDataFactory.goal(user, "5 km", now);
    world.coachData.saveGoal(active);
    world.coachData.saveGoal(new Goal(done.id(), user, done.description(), done.metric(), done.targetValue(),
        done.unit(), done.targetDate(), GoalStatus.ACHIEVED, now, now));
    world.coachData.saveCheckIn(TestCoachDataFactory.checkIn(user, today.minusDays(14), now));
    CheckInSummary last = TestCoachDataFactory.checkIn(user, today.minusDays(7), now);
    world.coachData.saveCheckIn(last);
    world.coachData.saveMeasurement(TestCoachDataFactory.weight(user, 66, now.minus(Duration.ofDays(40))));
    world.coachData.saveMeasurement(TestCoachDataFactory.weight(user, 64, now));
    world.plans.saveNewVersion(TestPlanFactory.newWorkoutPlan(user, now));
    Plan workout = world.plans.saveNewVersion(TestPlanFactory.newWorkoutPlan(user, now.plusSeconds(1)));
    Plan nutrition = world.plans.saveNewVersion(TestPlanFactory.newNutritionPlan(user, now));
    world.plans.saveNewVersion(TestPlanFactory.newNutritionPlan(TestIds.user(), now));

    CoachKnowledge knowledge = service.get(new GetCoachKnowledgeQuery(user));

    assertThat(knowledge.profile()).isPresent();
    assertThat(knowledge.activeGoals()).containsExactly(active);
    assertThat(knowledge.lastCheckIn()).contains(last);
    assertThat(knowledge.recentProgress()).singleElement().satisfies(m -> assertThat(m.value()).isEqualTo(64));
    assertThat(knowledge.activePlans()).containsExactly(workout, nutrition);
    assertThat(knowledge.activePlans().get(0).kind()).isEqualTo(PlanKind.WORKOUT);
  }

  @Test
  void givenANewUser_get_knowsNothingButDoesNotFail() {
    CoachKnowledge knowledge = service.get(new GetCoachKnowledgeQuery(user));

    assertThat(knowledge.profile()).isEmpty();
    assertThat(knowledge.activePlans()).isEmpty();
    assertThat(knowledge.lastCheckIn()).isEmpty();
  }
}
