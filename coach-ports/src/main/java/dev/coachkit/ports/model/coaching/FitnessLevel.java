package dev.coachkit.ports.model.coaching;

/** How experienced a user is with training. */
public enum FitnessLevel {
  BEGINNER,
  INTERMEDIATE,
  ADVANCED
}
