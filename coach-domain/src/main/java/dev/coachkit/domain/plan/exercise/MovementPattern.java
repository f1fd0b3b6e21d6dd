package dev.coachkit.domain.plan.exercise;

/** The movement an exercise trains; session templates are written in these terms. */
public enum MovementPattern {
  SQUAT,
  HINGE,
  HIP_EXTENSION,
  LUNGE,
  HORIZONTAL_PUSH,
  CHEST_FLY,
  VERTICAL_PUSH,
  HORIZONTAL_PULL,
  VERTICAL_PULL,
  ELBOW_FLEXION,
  ELBOW_EXTENSION,
  SHOULDER_RAISE,
  KNEE_FLEXION,
  KNEE_EXTENSION,
  CALF_RAISE,
  CORE,
  CARRY,
  CONDITIONING
}
