package dev.coachkit.ports.model.plan;

/** A way of eating a nutrition plan respects and passes on as a constraint. */
public enum DietaryPreference {
  VEGETARIAN,
  VEGAN,
  PESCATARIAN,
  HALAL,
  KOSHER,
  GLUTEN_FREE,
  DAIRY_FREE,
  MEDITERRANEAN
}
