package dev.coachkit.ports.model.realtime;

/** How a realtime model response ended. */
public enum ResponseStatus {
  COMPLETED,
  CANCELLED,
  INCOMPLETE,
  FAILED
}
