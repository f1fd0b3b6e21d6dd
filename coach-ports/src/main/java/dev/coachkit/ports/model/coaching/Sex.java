package dev.coachkit.ports.model.coaching;

/** A user's sex as they stated it, used for energy equations and safety floors. */
public enum Sex {
  FEMALE,
  MALE,
  OTHER
}
