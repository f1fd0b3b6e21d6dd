package dev.coachkit.ports.model.plan;

/** How a training week is divided into sessions. */
public enum TrainingSplit {
  FULL_BODY,
  UPPER_LOWER,
  PUSH_PULL_LEGS
}
