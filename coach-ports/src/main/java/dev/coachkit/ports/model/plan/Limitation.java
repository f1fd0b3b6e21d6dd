package dev.coachkit.ports.model.plan;

/** An injury or condition that rules out the exercises contraindicated for it. */
public enum Limitation {
  KNEE,
  LOWER_BACK,
  SHOULDER,
  WRIST,
  HIP,
  NECK,
  ANKLE,
  ELBOW,
  PREGNANCY
}
