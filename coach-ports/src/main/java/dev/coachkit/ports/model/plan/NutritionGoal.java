package dev.coachkit.ports.model.plan;

/** The direction of body-weight change a nutrition plan aims for. */
public enum NutritionGoal {
  LOSE_WEIGHT,
  MAINTAIN_WEIGHT,
  GAIN_WEIGHT
}
