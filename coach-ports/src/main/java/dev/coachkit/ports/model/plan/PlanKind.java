package dev.coachkit.ports.model.plan;

/** Which of the two kinds of plan a coach writes. */
public enum PlanKind {
  WORKOUT,
  NUTRITION
}
