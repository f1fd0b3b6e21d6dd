package dev.coachkit.ports.model.common;

import java.util.Objects;
import java.util.UUID;

/** Identity of an entry of the usage ledger. */
public record UsageEntryId(UUID value) {
  public UsageEntryId {
    Objects.requireNonNull(value, "value must not be null");
  }

  public static UsageEntryId of(UUID value) {
    return new UsageEntryId(value);
  }

  /** Parses the canonical UUID text form; throws IllegalArgumentException on anything else. */
  public static UsageEntryId parse(String text) {
    Objects.requireNonNull(text, "text must not be null");
    return new UsageEntryId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
