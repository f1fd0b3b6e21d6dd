package dev.coachkit.ports.model.coaching;

/** Where a goal stands. */
public enum GoalStatus {
  ACTIVE,
  ACHIEVED,
  ABANDONED
}
