package dev.coachkit.ports.model.coaching;

/** Whether a user prefers to talk to the coach by voice or by text. */
public enum PreferredMode {
  VOICE,
  TEXT
}
