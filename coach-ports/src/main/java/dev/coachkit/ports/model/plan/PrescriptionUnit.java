package dev.coachkit.ports.model.plan;

/** Whether a prescribed exercise counts repetitions or holds for seconds. */
public enum PrescriptionUnit {
  REPETITIONS,
  SECONDS
}
