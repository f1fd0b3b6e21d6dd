package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.common.PlanId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.plan.DayFocus;
import dev.coachkit.ports.model.plan.DietaryPreference;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.plan.MealTarget;
import dev.coachkit.ports.model.plan.NewPlan;
import dev.coachkit.ports.model.plan.NutritionGoal;
import dev.coachkit.ports.model.plan.NutritionPlan;
import dev.coachkit.ports.model.plan.PlanWeek;
import dev.coachkit.ports.model.plan.PrescribedExercise;
import dev.coachkit.ports.model.plan.PrescriptionUnit;
import dev.coachkit.ports.model.plan.TrainingGoal;
import dev.coachkit.ports.model.plan.TrainingSplit;
import dev.coachkit.ports.model.plan.WorkoutDay;
import dev.coachkit.ports.model.plan.WorkoutPlan;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Fixtures: small, valid plan bodies and new plans for store and service tests. */
public final class TestPlanFactory {

  private TestPlanFactory() {}

  /** A one-week, one-day beginner workout plan with a single exercise. */
  public static WorkoutPlan workoutPlan() {
    PrescribedExercise squat =
        new PrescribedExercise("goblet_squat", "Goblet squat", 3, 8, 12, PrescriptionUnit.REPETITIONS, 90, "RIR 3");
    WorkoutDay day = new WorkoutDay(1, DayFocus.FULL_BODY, List.of(squat));
    return new WorkoutPlan(
        TrainingGoal.GENERAL_FITNESS,
        FitnessLevel.BEGINNER,
        1,
        TrainingSplit.FULL_BODY,
        30,
        List.of(new PlanWeek(1, false, List.of(day))),
        List.of("Warm up for five minutes."));
  }

  /** A maintenance nutrition plan of 2,000 kcal in two meals. */
  public static NutritionPlan nutritionPlan() {
    return new NutritionPlan(
        NutritionGoal.MAINTAIN_WEIGHT,
        1600,
        2000,
        2000,
        130,
        56,
        243,
        2,
        List.of(new MealTarget(1, "Meal 1", 1000, 65, 28, 122), new MealTarget(2, "Meal 2", 1000, 65, 28, 121)),
        Set.of(DietaryPreference.VEGETARIAN),
        Set.of("peanut"),
        List.of("Vegetarian: eggs, dairy, legumes, tofu."));
  }

  /** A new workout plan for the user, created at the given instant, with a fresh id. */
  public static NewPlan newWorkoutPlan(UserId userId, Instant createdAt) {
    return new NewPlan(PlanId.of(UUID.randomUUID()), userId, Optional.empty(), workoutPlan(), createdAt);
  }

  /** A new nutrition plan for the user, created at the given instant, with a fresh id. */
  public static NewPlan newNutritionPlan(UserId userId, Instant createdAt) {
    return new NewPlan(PlanId.of(UUID.randomUUID()), userId, Optional.empty(), nutritionPlan(), createdAt);
  }
}
