package dev.coachkit.ports.model.common;

import java.util.Objects;
import java.util.UUID;

/** Identity of a logged workout. */
public record WorkoutId(UUID value) {
  public WorkoutId {
    Objects.requireNonNull(value, "value must not be null");
  }

  public static WorkoutId of(UUID value) {
    return new WorkoutId(value);
  }

  /** Parses the canonical UUID text form; throws IllegalArgumentException on anything else. */
  public static WorkoutId parse(String text) {
    Objects.requireNonNull(text, "text must not be null");
    return new WorkoutId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
