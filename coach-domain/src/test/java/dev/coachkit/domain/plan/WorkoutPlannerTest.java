package dev.coachkit.domain.plan;

import static dev.coachkit.domain.plan.TestPlanParametersFactory.FULL_GYM;
import static dev.coachkit.domain.plan.TestPlanParametersFactory.LIBRARY;
import static dev.coachkit.domain.plan.TestPlanParametersFactory.workout;
import static dev.coachkit.domain.plan.TestPlanParametersFactory.workoutWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.plan.exercise.Exercise;
import dev.coachkit.domain.plan.exercise.ExerciseLibrary;
import dev.coachkit.ports.model.plan.DayFocus;
import dev.coachkit.ports.model.plan.Equipment;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.plan.Limitation;
import dev.coachkit.ports.model.plan.PlanWeek;
import dev.coachkit.ports.model.plan.PrescribedExercise;
import dev.coachkit.ports.model.plan.TrainingGoal;
import dev.coachkit.ports.model.plan.TrainingSplit;
import dev.coachkit.ports.model.plan.WorkoutDay;
import dev.coachkit.ports.model.plan.WorkoutPlan;
import dev.coachkit.ports.model.plan.WorkoutPlanParameters;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WorkoutPlannerTest {

  private final WorkoutPlanner planner = TestPlanParametersFactory.workoutPlanner();

  private WorkoutPlan planned(WorkoutPlanParameters parameters) {
    PlanningResult<WorkoutPlan> result = planner.plan(parameters);
    assertThat(result).isInstanceOf(PlanningResult.Planned.class);
    return ((PlanningResult.Planned<WorkoutPlan>) result).body();
  }

  private List<String> refusalReasons(WorkoutPlanner planner, WorkoutPlanParameters parameters) {
    PlanningResult<WorkoutPlan> result = planner.plan(parameters);
    assertThat(result).isInstanceOf(PlanningResult.Refused.class);
    return ((PlanningResult.Refused<WorkoutPlan>) result).refusal().reasons();
  }

  private static List<PrescribedExercise> allExercises(WorkoutPlan plan) {
    return plan.weeks().stream().flatMap(w -> w.days().stream()).flatMap(d -> d.exercises().stream())
        .collect(Collectors.toList());
  }

  private static Exercise exercise(PrescribedExercise prescribed) {
    return LIBRARY.find(prescribed.exerciseId()).orElseThrow();
  }

  private static int totalSets(PlanWeek week) {
    return week.days().stream().flatMap(d -> d.exercises().stream()).mapToInt(PrescribedExercise::sets).sum();
  }

  @Test
  void givenOneToThreeDays_plan_usesFullBodySessions() {
    for (int days = 1; days <= 3; days++) {
      WorkoutPlan plan = planned(workoutWith(days, FitnessLevel.ADVANCED));

      assertThat(plan.split()).isEqualTo(TrainingSplit.FULL_BODY);
      assertThat(plan.weeks().get(0).days()).hasSize(days).extracting(WorkoutDay::focus)
          .containsOnly(DayFocus.FULL_BODY);
    }
  }

  @Test
  void givenBeginnerTrainingFiveDays_plan_staysFullBody() {
    assertThat(planned(workoutWith(5, FitnessLevel.BEGINNER)).split()).isEqualTo(TrainingSplit.FULL_BODY);
  }

  @Test
  void givenFourDaysIntermediate_plan_alternatesUpperAndLower() {
    WorkoutPlan plan = planned(workoutWith(4, FitnessLevel.INTERMEDIATE));

    assertThat(plan.split()).isEqualTo(TrainingSplit.UPPER_LOWER);
    assertThat(plan.weeks().get(0).days()).extracting(WorkoutDay::focus)
        .containsExactly(DayFocus.UPPER, DayFocus.LOWER, DayFocus.UPPER, DayFocus.LOWER);
  }

  @Test
  void givenFiveOrSixDaysIntermediate_plan_rotatesPushPullLegs() {
    assertThat(planned(workoutWith(5, FitnessLevel.INTERMEDIATE)).weeks().get(0).days())
        .extracting(WorkoutDay::focus)
        .containsExactly(DayFocus.PUSH, DayFocus.PULL, DayFocus.LEGS, DayFocus.PUSH, DayFocus.PULL);
    assertThat(planned(workoutWith(6, FitnessLevel.ADVANCED)).split()).isEqualTo(TrainingSplit.PUSH_PULL_LEGS);
  }

  @Test
  void givenRepeatedSessionFocus_plan_variesTheExercises() {
    WorkoutPlan plan = planned(workoutWith(6, FitnessLevel.INTERMEDIATE));
    List<WorkoutDay> days = plan.weeks().get(0).days();

    assertThat(days.get(0).exercises()).isNotEqualTo(days.get(3).exercises());
  }

  @Test
  void givenNoEquipment_plan_usesBodyweightExercisesOnly() {
    WorkoutPlan plan = planned(workout(TrainingGoal.GENERAL_FITNESS, FitnessLevel.INTERMEDIATE, 3, 45, 4, Set.of(),
        Set.of()));

    assertThat(allExercises(plan)).isNotEmpty()
        .allSatisfy(e -> assertThat(exercise(e).equipment()).containsOnly(Equipment.BODYWEIGHT));
  }

  @Test
  void givenDumbbellsAndBench_plan_usesNothingElse() {
    Set<Equipment> home = Set.of(Equipment.DUMBBELL, Equipment.BENCH);
    WorkoutPlan plan = planned(workout(TrainingGoal.HYPERTROPHY, FitnessLevel.ADVANCED, 5, 60, 4, home, Set.of()));

    assertThat(allExercises(plan)).allSatisfy(e -> assertThat(exercise(e).usableWith(home)).isTrue());
    assertThat(allExercises(plan)).anyMatch(e -> exercise(e).equipment().contains(Equipment.DUMBBELL));
  }

  @Test
  void givenKneeAndLowerBackInjuries_plan_containsNoExerciseContraindicatedForThem() {
    WorkoutPlan plan = planned(workout(TrainingGoal.STRENGTH, FitnessLevel.ADVANCED, 4, 75, 4, FULL_GYM,
        Set.of(Limitation.KNEE, Limitation.LOWER_BACK)));

    assertThat(allExercises(plan)).isNotEmpty().allSatisfy(e -> assertThat(exercise(e).contraindications())
        .doesNotContain(Limitation.KNEE, Limitation.LOWER_BACK));
  }

  @Test
  void givenPregnancy_plan_leavesOutSupineJumpingAndHeavyAxialExercisesAndAddsAdvice() {
    WorkoutPlan plan = planned(workout(TrainingGoal.GENERAL_FITNESS, FitnessLevel.INTERMEDIATE, 3, 45, 4, FULL_GYM,
        Set.of(Limitation.PREGNANCY)));

    assertThat(allExercises(plan)).extracting(PrescribedExercise::exerciseId)
        .doesNotContain("barbell_back_squat", "barbell_bench_press", "conventional_deadlift", "crunch");
    assertThat(plan.notes()).anyMatch(n -> n.contains("midwife"));
  }

  @Test
  void givenBeginner_plan_containsBeginnerExercisesOnly() {
    WorkoutPlan plan = planned(workoutWith(3, FitnessLevel.BEGINNER));

    assertThat(allExercises(plan)).allSatisfy(e -> assertThat(exercise(e).level()).isEqualTo(FitnessLevel.BEGINNER));
  }

  @Test
  void givenThirtyMinuteSessions_plan_keepsEverySessionWithinThirtyMinutes() {
    WorkoutPlan plan = planned(workout(TrainingGoal.STRENGTH, FitnessLevel.INTERMEDIATE, 3, 30, 8, FULL_GYM,
        Set.of()));

    assertThat(plan.weeks()).flatExtracting(PlanWeek::days)
        .allSatisfy(d -> assertThat(SessionTime.minutes((WorkoutDay) d)).isLessThanOrEqualTo(30));
  }

  @Test
  void givenLongerSessions_plan_fitsMoreExercises() {
    int shortSession = planned(workout(TrainingGoal.HYPERTROPHY, FitnessLevel.INTERMEDIATE, 3, 30, 4, FULL_GYM,
        Set.of())).weeks().get(0).days().get(0).exercises().size();
    int longSession = planned(workout(TrainingGoal.HYPERTROPHY, FitnessLevel.INTERMEDIATE, 3, 90, 4, FULL_GYM,
        Set.of())).weeks().get(0).days().get(0).exercises().size();

    assertThat(longSession).isGreaterThan(shortSession);
  }

  @Test
  void givenStrengthGoal_plan_prescribesLowRepsAndLongRestOnMainLifts() {
    PrescribedExercise main = planned(workout(TrainingGoal.STRENGTH, FitnessLevel.INTERMEDIATE, 3, 60, 4, FULL_GYM,
        Set.of())).weeks().get(0).days().get(0).exercises().get(0);

    assertThat(main.repsMin()).isEqualTo(3);
    assertThat(main.repsMax()).isEqualTo(5);
    assertThat(main.restSeconds()).isEqualTo(180);
    assertThat(main.sets()).isEqualTo(4);
  }

  @Test
  void givenEnduranceGoal_plan_prescribesHighRepsShortRestAndConditioning() {
    WorkoutPlan plan = planned(workout(TrainingGoal.ENDURANCE, FitnessLevel.INTERMEDIATE, 3, 60, 4, FULL_GYM,
        Set.of()));
    PrescribedExercise main = plan.weeks().get(0).days().get(0).exercises().get(0);

    assertThat(main.repsMin()).isEqualTo(12);
    assertThat(main.repsMax()).isEqualTo(15);
    assertThat(main.restSeconds()).isEqualTo(60);
    assertThat(allExercises(plan)).anyMatch(e -> exercise(e).pattern().name().equals("CONDITIONING"));
  }

  @Test
  void givenHypertrophyGoal_plan_prescribesModerateRepsOnAccessories() {
    PrescribedExercise accessory = planned(workout(TrainingGoal.HYPERTROPHY, FitnessLevel.INTERMEDIATE, 4, 60, 4,
        FULL_GYM, Set.of())).weeks().get(0).days().get(0).exercises().get(2);

    assertThat(accessory.repsMin()).isEqualTo(10);
    assertThat(accessory.repsMax()).isEqualTo(12);
    assertThat(accessory.restSeconds()).isEqualTo(75);
  }

  @Test
  void givenEightWeeks_plan_deloadsInWeeksFourAndEightWithFewerSets() {
    WorkoutPlan plan = planned(TestPlanParametersFactory.workout());

    assertThat(plan.weeks()).extracting(PlanWeek::deload)
        .containsExactly(false, false, false, true, false, false, false, true);
    assertThat(totalSets(plan.weeks().get(3))).isLessThan(totalSets(plan.weeks().get(2)));
    assertThat(plan.weeks().get(3).days().get(0).exercises().get(0).intensityNote()).startsWith("Deload");
  }

  @Test
  void givenBuildingWeeks_plan_raisesEffortAndMainLiftVolume() {
    WorkoutPlan plan = planned(TestPlanParametersFactory.workout());
    PrescribedExercise week1 = plan.weeks().get(0).days().get(0).exercises().get(0);
    PrescribedExercise week2 = plan.weeks().get(1).days().get(0).exercises().get(0);
    PrescribedExercise week3 = plan.weeks().get(2).days().get(0).exercises().get(0);

    assertThat(week1.intensityNote()).contains("3 reps in reserve");
    assertThat(week2.intensityNote()).contains("2 reps in reserve");
    assertThat(week3.intensityNote()).contains("1 rep in reserve");
    assertThat(week3.sets()).isGreaterThan(week1.sets());
  }

  @Test
  void givenThreeWeeks_plan_hasNoDeload() {
    WorkoutPlan plan =
        planned(workout(TrainingGoal.GENERAL_FITNESS, FitnessLevel.INTERMEDIATE, 3, 60, 3, FULL_GYM, Set.of()));

    assertThat(plan.weeks()).hasSize(3).noneMatch(PlanWeek::deload);
  }

  @Test
  void givenSameParameters_plan_isIdentical() {
    WorkoutPlanParameters p = workout(TrainingGoal.FAT_LOSS, FitnessLevel.INTERMEDIATE, 5, 50, 6,
        Set.of(Equipment.KETTLEBELL, Equipment.BAND, Equipment.PULL_UP_BAR), Set.of(Limitation.SHOULDER));

    assertThat(planner.plan(p)).isEqualTo(planner.plan(p));
  }

  @Test
  void givenZeroOrEightDays_plan_isRefusedNamingDaysPerWeek() {
    assertThat(refusalReasons(planner, workoutWith(0, FitnessLevel.BEGINNER)))
        .containsExactly("daysPerWeek must be between 1 and 7, was 0");
    assertThat(refusalReasons(planner, workoutWith(8, FitnessLevel.BEGINNER)))
        .containsExactly("daysPerWeek must be between 1 and 7, was 8");
  }

  @Test
  void givenTenMinuteSessionsAndSeventeenWeeks_plan_isRefusedWithBothReasons() {
    assertThat(refusalReasons(planner, workout(TrainingGoal.STRENGTH, FitnessLevel.BEGINNER, 3, 10, 17, Set.of(),
        Set.of()))).containsExactly(
            "sessionMinutes must be between 20 and 180, was 10",
            "weeks must be between 1 and 16, was 17");
  }

  @Test
  void givenLimitationsThatRuleOutEveryExercise_plan_isRefusedNamingTheDay() {
    ExerciseLibrary kneeOnly = ExerciseLibrary.parse(List.of(
        "bodyweight_squat | Bodyweight squat | quadriceps | squat | bodyweight | beginner | knee | reps"), "test");
    WorkoutPlanner smallPlanner = new WorkoutPlanner(kneeOnly, new PlanValidator(kneeOnly));

    assertThat(refusalReasons(smallPlanner, workout(TrainingGoal.GENERAL_FITNESS, FitnessLevel.BEGINNER, 1, 45, 1,
        Set.of(), Set.of(Limitation.KNEE)))).singleElement().asString()
        .startsWith("no exercise fits day 1 (full body) within 45 minutes");
  }
}
