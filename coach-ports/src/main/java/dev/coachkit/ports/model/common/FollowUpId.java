package dev.coachkit.ports.model.common;

import java.util.Objects;
import java.util.UUID;

/** Identity of a scheduled follow-up. */
public record FollowUpId(UUID value) {
  public FollowUpId {
    Objects.requireNonNull(value, "value must not be null");
  }

  public static FollowUpId of(UUID value) {
    return new FollowUpId(value);
  }

  /** Parses the canonical UUID text form; throws IllegalArgumentException on anything else. */
  public static FollowUpId parse(String text) {
    Objects.requireNonNull(text, "text must not be null");
    return new FollowUpId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
