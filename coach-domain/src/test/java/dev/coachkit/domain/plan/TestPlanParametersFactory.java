package dev.coachkit.domain.plan;

import dev.coachkit.domain.plan.exercise.ExerciseLibrary;
import dev.coachkit.ports.model.plan.ActivityLevel;
import dev.coachkit.ports.model.plan.BiologicalSex;
import dev.coachkit.ports.model.plan.Equipment;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.plan.Limitation;
import dev.coachkit.ports.model.plan.NutritionGoal;
import dev.coachkit.ports.model.plan.NutritionPlanParameters;
import dev.coachkit.ports.model.plan.TrainingGoal;
import dev.coachkit.ports.model.plan.WorkoutPlanParameters;
import java.util.OptionalDouble;
import java.util.Set;

/** Fixtures for plan-engine tests. */
final class TestPlanParametersFactory {

  static final ExerciseLibrary LIBRARY = ExerciseLibrary.builtIn();

  private TestPlanParametersFactory() {}

  static PlanValidator validator() {
    return new PlanValidator(LIBRARY);
  }

  static WorkoutPlanner workoutPlanner() {
    return new WorkoutPlanner(LIBRARY, validator());
  }

  static NutritionPlanner nutritionPlanner() {
    return new NutritionPlanner(validator());
  }

  static final Set<Equipment> FULL_GYM = Set.of(Equipment.values());

  /** Intermediate hypertrophy, 4 days of 60 minutes for 8 weeks in a full gym, no limitations. */
  static WorkoutPlanParameters workout() {
    return workout(TrainingGoal.HYPERTROPHY, FitnessLevel.INTERMEDIATE, 4, 60, 8, FULL_GYM, Set.of());
  }

  static WorkoutPlanParameters workout(TrainingGoal goal, FitnessLevel level, int days, int minutes, int weeks,
      Set<Equipment> equipment, Set<Limitation> limitations) {
    return new WorkoutPlanParameters(goal, level, days, minutes, weeks, equipment, limitations);
  }

  static WorkoutPlanParameters workoutWith(int days, FitnessLevel level) {
    return workout(TrainingGoal.GENERAL_FITNESS, level, days, 60, 4, FULL_GYM, Set.of());
  }

  /** A 30-year-old man, 80 kg, 180 cm, moderately active, maintaining, 3 meals. */
  static NutritionPlanParameters man() {
    return nutrition(BiologicalSex.MALE, 30, 180, 80, ActivityLevel.MODERATELY_ACTIVE,
        NutritionGoal.MAINTAIN_WEIGHT, OptionalDouble.empty());
  }

  /** A 25-year-old woman, 60 kg, 165 cm, sedentary, with the given goal and rate. */
  static NutritionPlanParameters woman(NutritionGoal goal, OptionalDouble rate) {
    return nutrition(BiologicalSex.FEMALE, 25, 165, 60, ActivityLevel.SEDENTARY, goal, rate);
  }

  static NutritionPlanParameters nutrition(BiologicalSex sex, int age, double height, double weight,
      ActivityLevel activity, NutritionGoal goal, OptionalDouble rate) {
    return new NutritionPlanParameters(sex, age, height, weight, activity, goal, rate, 3, Set.of(), Set.of());
  }
}
