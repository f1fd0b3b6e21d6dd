package dev.coachkit.ports.model.common;

import java.util.Objects;
import java.util.UUID;

/** Identity of a progress measurement. */
public record MeasurementId(UUID value) {
  public MeasurementId {
    Objects.requireNonNull(value, "value must not be null");
  }

  public static MeasurementId of(UUID value) {
    return new MeasurementId(value);
  }

  /** Parses the canonical UUID text form; throws IllegalArgumentException on anything else. */
  public static MeasurementId parse(String text) {
    Objects.requireNonNull(text, "text must not be null");
    return new MeasurementId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
