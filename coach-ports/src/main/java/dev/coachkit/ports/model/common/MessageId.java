package dev.coachkit.ports.model.common;

import java.util.Objects;
import java.util.UUID;

/** Identity of one message of a conversation. */
public record MessageId(UUID value) {
  public MessageId {
    Objects.requireNonNull(value, "value must not be null");
  }

  public static MessageId of(UUID value) {
    return new MessageId(value);
  }

  /** Parses the canonical UUID text form; throws IllegalArgumentException on anything else. */
  public static MessageId parse(String text) {
    Objects.requireNonNull(text, "text must not be null");
    return new MessageId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
