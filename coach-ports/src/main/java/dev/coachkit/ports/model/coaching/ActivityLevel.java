package dev.coachkit.ports.model.coaching;

/** A user's everyday activity, for the TDEE activity factor. */
public enum ActivityLevel {
  SEDENTARY,
  LIGHT,
  MODERATE,
  ACTIVE,
  VERY_ACTIVE
}
