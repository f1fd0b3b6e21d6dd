package dev.coachkit.ports.model.common;

import java.util.Objects;
import java.util.UUID;

/** Identity of a check-in summary. */
public record CheckInId(UUID value) {
  public CheckInId {
    Objects.requireNonNull(value, "value must not be null");
  }

  public static CheckInId of(UUID value) {
    return new CheckInId(value);
  }

  /** Parses the canonical UUID text form; throws IllegalArgumentException on anything else. */
  public static CheckInId parse(String text) {
    Objects.requireNonNull(text, "text must not be null");
    return new CheckInId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
