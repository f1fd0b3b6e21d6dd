package dev.coachkit.ports.model.common;

import java.util.Objects;
import java.util.UUID;

/** Identity of a piece of feedback on a reply or a session. */
public record FeedbackId(UUID value) {
  public FeedbackId {
    Objects.requireNonNull(value, "value must not be null");
  }

  public static FeedbackId of(UUID value) {
    return new FeedbackId(value);
  }

  /** Parses the canonical UUID text form; throws IllegalArgumentException on anything else. */
  public static FeedbackId parse(String text) {
    Objects.requireNonNull(text, "text must not be null");
    return new FeedbackId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
