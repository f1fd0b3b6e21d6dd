package dev.coachkit.ports.model.common;

import java.util.Objects;
import java.util.UUID;

/** Identity of one version of a workout or nutrition plan. */
public record PlanId(UUID value) {
  public PlanId {
    Objects.requireNonNull(value, "value must not be null");
  }

  public static PlanId of(UUID value) {
    return new PlanId(value);
  }

  /** Parses the canonical UUID text form; throws IllegalArgumentException on anything else. */
  public static PlanId parse(String text) {
    Objects.requireNonNull(text, "text must not be null");
    return new PlanId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
