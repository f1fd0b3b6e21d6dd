package dev.coachkit.ports.model.plan;

/** Whether a plan version is the one in force or has been replaced by a newer version. */
public enum PlanStatus {
  ACTIVE,
  SUPERSEDED
}
