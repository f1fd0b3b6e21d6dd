package dev.coachkit.ports.model.feedback;

/** Thumbs up or thumbs down. */
public enum Rating {
  UP,
  DOWN
}
