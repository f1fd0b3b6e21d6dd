package dev.coachkit.ports.model.voice;

/** Lifecycle state of a voice session; CREATED and ACTIVE are open, the others final. */
public enum VoiceSessionStatus {
  CREATED,
  ACTIVE,
  ENDED,
  EXPIRED,
  FAILED;

  /** Whether a session in this state occupies the user's one open voice-session slot. */
  public boolean isOpen() {
    return this == CREATED || this == ACTIVE;
  }
}
