package dev.coachkit.ports.model.plan;

/** The content of a plan: either a workout plan or a nutrition plan. */
public sealed interface PlanBody permits WorkoutPlan, NutritionPlan {

  /** The kind of plan this body is. */
  PlanKind kind();
}
