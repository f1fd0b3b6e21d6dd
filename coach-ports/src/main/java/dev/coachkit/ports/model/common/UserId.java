package dev.coachkit.ports.model.common;

import java.util.Objects;

/** Identity of the person a coach serves: the subject of their verified token, never model-supplied. */
public record UserId(String value) {
  public UserId {
    Objects.requireNonNull(value, "value must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("value must not be blank");
    }
    if (value.length() > 255) {
      throw new IllegalArgumentException("value must be at most 255 characters");
    }
  }

  public static UserId of(String value) {
    return new UserId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
