package dev.coachkit.domain.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.coaching.TestCoachWorld;
import dev.coachkit.ports.in.coaching.RunWeeklyCheckInsCommand;
import dev.coachkit.ports.in.coaching.WeeklyCheckInReport;
import dev.coachkit.ports.in.plan.GenerateWorkoutPlanUseCase.GenerateWorkoutPlanCommand;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.plan.Equipment;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.PlanKind;
import dev.coachkit.ports.model.plan.PlanOutcome;
import dev.coachkit.ports.model.plan.TrainingGoal;
import dev.coachkit.ports.model.plan.WorkoutPlan;
import dev.coachkit.ports.model.plan.WorkoutPlanParameters;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestIds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunWeeklyCheckInsServiceTest {
  static final LocalDate MONDAY = TestCoachDataFactory.MONDAY;
  static final Instant TUESDAY_NOON = Instant.parse("2026-01-06T12:00:00Z");
  static final String SUMMARY = SummarizeCheckInServiceTest.SUMMARY;
  static final String KEEP_WORKOUT = "{\"goal\":null,\"level\":null,\"daysPerWeek\":null,\"sessionMinutes\":null,"
      + "\"weeks\":null,\"equipment\":null,\"limitations\":null}";

  private final TestCoachWorld world = new TestCoachWorld();

  private UserId optedInUserWhoTalked(String line) {
    UserId user = TestIds.user();
    world.coachData.saveProfile(TestCoachDataFactory.profile(user, true));
    world.conversation(user, TUESDAY_NOON, line);
    return user;
  }

  private Plan workoutPlanFor(UserId user) {
    PlanOutcome outcome = world.workoutPlans().generate(new GenerateWorkoutPlanCommand(user,
        Optional.of(new WorkoutPlanParameters(TrainingGoal.GENERAL_FITNESS, FitnessLevel.BEGINNER, 3, 45, 4,
            Set.of(Equipment.DUMBBELL), Set.of())), Optional.empty()));
    return ((PlanOutcome.Generated) outcome).plan();
  }

  private static RunWeeklyCheckInsCommand week() {
    return new RunWeeklyCheckInsCommand(MONDAY);
  }

  @Test
  void givenOptedInUserWithAWorkoutPlan_run_summarisesTheWeekAndRegeneratesThePlanFromIt() {
    UserId user = optedInUserWhoTalked("Three workouts done, dinners late");
    Plan before = workoutPlanFor(user);
    world.model.thenReply(SUMMARY).thenReply(KEEP_WORKOUT);

    WeeklyCheckInReport report = world.weeklyCheckIns(100).run(week());

    assertThat(report.claimed()).isEqualTo(1);
    assertThat(report.summarized()).isEqualTo(1);
    assertThat(report.plansRegenerated()).isEqualTo(1);
    assertThat(report.failures()).isEmpty();
    Plan after = world.plans.active(user, PlanKind.WORKOUT).orElseThrow();
    assertThat(after.version()).isEqualTo(before.version() + 1);
    assertThat(((WorkoutPlan) after.body()).notes()).anyMatch(n -> n.contains("late dinners"));
    assertThat(world.coachData.latestCheckIn(user).orElseThrow().periodStart()).isEqualTo(MONDAY);
    assertThat(world.plans.active(user, PlanKind.NUTRITION)).isEmpty();
  }

  @Test
  void givenTheSameWeek_runTwice_processesEachUserOnce() {
    optedInUserWhoTalked("Week one");
    optedInUserWhoTalked("Week one too");
    world.model.thenReply(SUMMARY).thenReply(SUMMARY);
    RunWeeklyCheckInsService job = world.weeklyCheckIns(100);

    WeeklyCheckInReport first = job.run(week());
    WeeklyCheckInReport second = job.run(week());

    assertThat(first.claimed()).isEqualTo(2);
    assertThat(first.summarized()).isEqualTo(2);
    assertThat(second.usersConsidered()).isEqualTo(2);
    assertThat(second.claimed()).isZero();
    assertThat(second.skippedAlreadyClaimed()).isEqualTo(2);
    assertThat(world.model.requests()).hasSize(2);
  }

  @Test
  void givenTwoInstancesSharingClaims_runConcurrently_processesEachUserExactlyOnce() throws Exception {
    for (int i = 0; i < 6; i++) {
      optedInUserWhoTalked("Week " + i);
    }
    for (int i = 0; i < 6; i++) {
      world.model.thenReply(SUMMARY);
    }
    RunWeeklyCheckInsService a = world.weeklyCheckIns(2);
    RunWeeklyCheckInsService b = world.weeklyCheckIns(2);
    List<WeeklyCheckInReport> reports = new ArrayList<>();

    Thread other = new Thread(() -> {
      WeeklyCheckInReport report = b.run(week());
      synchronized (reports) {
        reports.add(report);
      }
    });
    other.start();
    WeeklyCheckInReport mine = a.run(week());
    other.join();
    reports.add(mine);

    assertThat(reports.stream().mapToInt(WeeklyCheckInReport::claimed).sum()).isEqualTo(6);
    assertThat(reports.stream().mapToInt(WeeklyCheckInReport::summarized).sum()).isEqualTo(6);
    assertThat(world.model.requests()).hasSize(6);
  }

  @Test
  void givenOneUsersModelFailure_run_reportsItAndGoesOnWithTheOthers() {
    UserId first = optedInUserWhoTalked("first");
    UserId second = optedInUserWhoTalked("second");
    UserId failing = first.value().compareTo(second.value()) < 0 ? first : second;
    world.model.thenFail(new ModelFailure(ModelFailure.Kind.UNAVAILABLE, "openai", "down"))
        .thenReply(SUMMARY);

    WeeklyCheckInReport report = world.weeklyCheckIns(1).run(week());

    assertThat(report.usersConsidered()).isEqualTo(2);
    assertThat(report.summarized()).isEqualTo(1);
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.failures().get(0).userId()).isEqualTo(failing);
    assertThat(report.failures().get(0).reason()).contains("down");
  }

  @Test
  void givenAUserWhoSaidNothingThatWeek_run_countsThemWithoutAskingTheModel() {
    UserId quiet = TestIds.user();
    world.coachData.saveProfile(TestCoachDataFactory.profile(quiet, true));

    WeeklyCheckInReport report = world.weeklyCheckIns(100).run(week());

    assertThat(report.claimed()).isEqualTo(1);
    assertThat(report.nothingToSummarize()).isEqualTo(1);
    assertThat(report.failures()).isEmpty();
    assertThat(world.model.requests()).isEmpty();
  }

  @Test
  void givenUsersWhoDidNotOptIn_run_leavesThemAlone() {
    UserId notOptedIn = TestIds.user();
    world.coachData.saveProfile(TestCoachDataFactory.profile(notOptedIn, false));
    world.conversation(notOptedIn, TUESDAY_NOON, "hello");

    WeeklyCheckInReport report = world.weeklyCheckIns(100).run(week());

    assertThat(report.usersConsidered()).isZero();
    assertThat(world.coachData.latestCheckIn(notOptedIn)).isEmpty();
  }

  @Test
  void givenPlanRegenerationFails_run_reportsTheReasonButKeepsTheSummary() {
    UserId user = optedInUserWhoTalked("Week");
    workoutPlanFor(user);
    world.model.thenReply(SUMMARY).thenReply("not json at all");

    WeeklyCheckInReport report = world.weeklyCheckIns(100).run(week());

    assertThat(report.summarized()).isEqualTo(1);
    assertThat(report.plansRegenerated()).isZero();
    assertThat(report.failures()).singleElement()
        .satisfies(f -> assertThat(f.reason()).startsWith("workout plan not regenerated"));
    assertThat(world.coachData.latestCheckIn(user)).isPresent();
    assertThat(world.plans.active(user, PlanKind.WORKOUT).orElseThrow().version()).isEqualTo(1);
  }
}
