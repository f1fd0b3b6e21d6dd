package dev.coachkit.ports.model.common;

import java.util.Objects;
import java.util.UUID;

/** Identity of a user goal. */
public record GoalId(UUID value) {
  public GoalId {
    Objects.requireNonNull(value, "value must not be null");
  }

  public static GoalId of(UUID value) {
    return new GoalId(value);
  }

  /** Parses the canonical UUID text form; throws IllegalArgumentException on anything else. */
  public static GoalId parse(String text) {
    Objects.requireNonNull(text, "text must not be null");
    return new GoalId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
