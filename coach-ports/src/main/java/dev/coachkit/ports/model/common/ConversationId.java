package dev.coachkit.ports.model.common;

import java.util.Objects;
import java.util.UUID;

/** Identity of a conversation, voice and text together. */
public record ConversationId(UUID value) {
  public ConversationId {
    Objects.requireNonNull(value, "value must not be null");
  }

  public static ConversationId of(UUID value) {
    return new ConversationId(value);
  }

  /** Parses the canonical UUID text form; throws IllegalArgumentException on anything else. */
  public static ConversationId parse(String text) {
    Objects.requireNonNull(text, "text must not be null");
    return new ConversationId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
