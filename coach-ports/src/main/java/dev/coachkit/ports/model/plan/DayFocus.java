package dev.coachkit.ports.model.plan;

/** What one training session works on. */
public enum DayFocus {
  FULL_BODY,
  UPPER,
  LOWER,
  PUSH,
  PULL,
  LEGS
}
