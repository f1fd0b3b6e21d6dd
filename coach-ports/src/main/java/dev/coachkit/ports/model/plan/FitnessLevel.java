package dev.coachkit.ports.model.plan;

/** Training experience, ordered from least to most; an exercise suits every level at or above its own. */
public enum FitnessLevel {
  BEGINNER,
  INTERMEDIATE,
  ADVANCED;

  /** True when someone at this level may do an exercise rated {@code required}. */
  public boolean reaches(FitnessLevel required) {
    return compareTo(required) >= 0;
  }
}
