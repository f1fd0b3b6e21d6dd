package dev.coachkit.domain.plan;

import static dev.coachkit.domain.plan.TestPlanParametersFactory.man;
import static dev.coachkit.domain.plan.TestPlanParametersFactory.workout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.plan.Equipment;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.plan.Limitation;
import dev.coachkit.ports.model.plan.NutritionPlan;
import dev.coachkit.ports.model.plan.NutritionPlanParameters;
import dev.coachkit.ports.model.plan.PlanWeek;
import dev.coachkit.ports.model.plan.PrescribedExercise;
import dev.coachkit.ports.model.plan.PrescriptionUnit;
import dev.coachkit.ports.model.plan.TrainingGoal;
import dev.coachkit.ports.model.plan.WorkoutDay;
import dev.coachkit.ports.model.plan.WorkoutPlan;
import dev.coachkit.ports.model.plan.WorkoutPlanParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PlanValidatorTest {

  private final PlanValidator validator = TestPlanParametersFactory.validator();
  private final WorkoutPlanParameters request =
      workout(TrainingGoal.HYPERTROPHY, FitnessLevel.INTERMEDIATE, 3, 45, 4, Set.of(Equipment.DUMBBELL),
          Set.of(Limitation.KNEE));

  private WorkoutPlan generatedWorkout() {
    return ((PlanningResult.Planned<WorkoutPlan>) TestPlanParametersFactory.workoutPlanner().plan(request)).body();
  }

  private NutritionPlan generatedNutrition(NutritionPlanParameters p) {
    return ((PlanningResult.Planned<NutritionPlan>) TestPlanParametersFactory.nutritionPlanner().plan(p)).body();
  }

  /** The generated plan with the first session of week 1 changed. */
  private static WorkoutPlan withFirstDay(WorkoutPlan plan, UnaryOperator<List<PrescribedExercise>> change) {
    List<PlanWeek> weeks = new ArrayList<>(plan.weeks());
    PlanWeek first = weeks.get(0);
    List<WorkoutDay> days = new ArrayList<>(first.days());
    WorkoutDay day = days.get(0);
    days.set(0, new WorkoutDay(day.dayNumber(), day.focus(), change.apply(new ArrayList<>(day.exercises()))));
    weeks.set(0, new PlanWeek(first.weekNumber(), first.deload(), days));
    return new WorkoutPlan(plan.goal(), plan.level(), plan.daysPerWeek(), plan.split(), plan.sessionMinutes(), weeks,
        plan.notes());
  }

  private static NutritionPlan withTarget(NutritionPlan p, int target, int protein, int fat, int carbs) {
    return new NutritionPlan(p.goal(), p.bmrKcal(), p.tdeeKcal(), target, protein, fat, carbs, p.mealsPerDay(),
        p.meals(), p.dietaryPreferences(), p.excludedAllergens(), p.notes());
  }

  @Test
  void givenEmptyEquipment_requestProblems_areNone() {
    assertThat(validator.requestProblems(
        workout(TrainingGoal.STRENGTH, FitnessLevel.BEGINNER, 3, 45, 4, Set.of(), Set.of()))).isEmpty();
  }

  @Test
  void givenGeneratedWorkoutPlan_planProblems_areNone() {
    assertThat(validator.planProblems(request, generatedWorkout())).isEmpty();
  }

  @Test
  void givenContraindicatedExerciseSlippedIn_planProblems_nameIt() {
    WorkoutPlan tampered = withFirstDay(generatedWorkout(), exercises -> {
      exercises.add(new PrescribedExercise("goblet_squat", "Goblet squat", 3, 8, 12, PrescriptionUnit.REPETITIONS,
          60, "RIR 3"));
      return exercises;
    });

    assertThat(validator.planProblems(request, tampered))
        .anyMatch(p -> p.contains("'goblet_squat' is contraindicated for [KNEE]"));
  }

  @Test
  void givenExerciseNeedingMissingEquipment_planProblems_nameIt() {
    WorkoutPlan tampered = withFirstDay(generatedWorkout(), exercises -> {
      exercises.set(0, new PrescribedExercise("lat_pulldown", "Lat pulldown", 3, 8, 12, PrescriptionUnit.REPETITIONS,
          60, "RIR 3"));
      return exercises;
    });

    assertThat(validator.planProblems(request, tampered)).anyMatch(p -> p.contains("needs equipment"));
  }

  @Test
  void givenUnknownOrTooAdvancedExercise_planProblems_nameThem() {
    WorkoutPlan tampered = withFirstDay(generatedWorkout(), exercises -> {
      exercises.set(0, new PrescribedExercise("moon_walk", "Moon walk", 3, 8, 12, PrescriptionUnit.REPETITIONS, 60,
          "RIR 3"));
      exercises.set(1, new PrescribedExercise("z_press", "Seated dumbbell Z press", 3, 8, 12,
          PrescriptionUnit.REPETITIONS, 60, "RIR 3"));
      return exercises;
    });

    assertThat(validator.planProblems(request, tampered))
        .anyMatch(p -> p.contains("'moon_walk' is not in the exercise library"))
        .anyMatch(p -> p.contains("'z_press' is ADVANCED level"));
  }

  @Test
  void givenSessionLongerThanBudget_planProblems_nameTheMinutes() {
    WorkoutPlan tampered = withFirstDay(generatedWorkout(), exercises -> {
      exercises.add(new PrescribedExercise("farmers_carry", "Farmer's carry", 6, 60, 60, PrescriptionUnit.SECONDS,
          300, "RPE 7"));
      return exercises;
    });

    assertThat(validator.planProblems(request, tampered)).anyMatch(p -> p.contains("more than the 45 available"));
  }

  @Test
  void givenDuplicateExerciseInSession_planProblems_nameIt() {
    WorkoutPlan tampered = withFirstDay(generatedWorkout(), exercises -> {
      exercises.set(1, exercises.get(0));
      return exercises;
    });

    assertThat(validator.planProblems(request, tampered)).anyMatch(p -> p.contains("appears twice"));
  }

  @Test
  void givenMissingDeloadWeek_planProblems_nameIt() {
    WorkoutPlan plan = generatedWorkout();
    List<PlanWeek> weeks = new ArrayList<>(plan.weeks());
    weeks.set(3, new PlanWeek(4, false, weeks.get(2).days()));
    WorkoutPlan tampered = new WorkoutPlan(plan.goal(), plan.level(), plan.daysPerWeek(), plan.split(),
        plan.sessionMinutes(), weeks, plan.notes());

    assertThat(validator.planProblems(request, tampered)).contains("week 4 must be a deload week");
  }

  @Test
  void givenGeneratedNutritionPlan_planProblems_areNone() {
    assertThat(validator.planProblems(man(), generatedNutrition(man()))).isEmpty();
  }

  @Test
  void givenTargetBelowFloor_planProblems_nameTheFloor() {
    NutritionPlan plan = generatedNutrition(man());

    assertThat(validator.planProblems(man(), withTarget(plan, 1700, plan.proteinG(), plan.fatG(), plan.carbsG())))
        .anyMatch(p -> p.equals("targetKcal 1700 is below the safe floor of 1780 kcal"));
  }

  @Test
  void givenMacrosMoreThanOnePercentOff_planProblems_sayTheyDoNotAddUp() {
    NutritionPlan plan = generatedNutrition(man());

    assertThat(validator.planProblems(man(),
        withTarget(plan, plan.targetKcal(), plan.proteinG(), plan.fatG(), plan.carbsG() + 10)))
        .anyMatch(p -> p.startsWith("macronutrients add up to"));
  }

  @Test
  void givenProteinAboveRangeAndFatBelowShare_planProblems_nameBoth() {
    NutritionPlan plan = generatedNutrition(man());

    assertThat(validator.planProblems(man(), withTarget(plan, plan.targetKcal(), 200, 40, plan.carbsG())))
        .anyMatch(p -> p.startsWith("proteinG 200 is 2.50 g/kg"))
        .anyMatch(p -> p.startsWith("fatG 40 gives less than 20 %"));
  }

  @Test
  void givenMealsThatDoNotAddUp_planProblems_sayIt() {
    NutritionPlan plan = generatedNutrition(man());
    NutritionPlan tampered = new NutritionPlan(plan.goal(), plan.bmrKcal(), plan.tdeeKcal(), plan.targetKcal(),
        plan.proteinG(), plan.fatG(), plan.carbsG(), plan.mealsPerDay(),
        NutritionPlanner.meals(3, plan.targetKcal() - 100, plan.proteinG(), plan.fatG(), plan.carbsG()),
        plan.dietaryPreferences(), plan.excludedAllergens(), plan.notes());

    assertThat(validator.planProblems(man(), tampered)).contains("the meals do not add up to the daily targets");
  }
}
