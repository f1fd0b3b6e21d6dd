package dev.coachkit.ports.model.common;

import java.util.Objects;
import java.util.UUID;

/** Identity of a voice call with the coach. */
public record VoiceSessionId(UUID value) {
  public VoiceSessionId {
    Objects.requireNonNull(value, "value must not be null");
  }

  public static VoiceSessionId of(UUID value) {
    return new VoiceSessionId(value);
  }

  /** Parses the canonical UUID text form; throws IllegalArgumentException on anything else. */
  public static VoiceSessionId parse(String text) {
    Objects.requireNonNull(text, "text must not be null");
    return new VoiceSessionId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
