package dev.coachkit.adapter.persistence;

import dev.coachkit.ports.model.common.PageCursor;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Keyset cursors: "epochMicros:uuid[:sequence]", the position of the last row a page showed. */
final class Cursors {
  private Cursors() {}

  static PageCursor of(Instant at, UUID id) {
    return PageCursor.of(micros(at) + ":" + id);
  }

  static PageCursor of(Instant at, UUID id, long sequence) {
    return PageCursor.of(micros(at) + ":" + id + ":" + sequence);
  }

  /** The parts of a cursor made by {@link #of}; IllegalArgumentException if it was not. */
  static String[] parts(PageCursor cursor, int expected) {
    String[] parts = cursor.value().split(":");
    if (parts.length != expected) {
      throw new IllegalArgumentException("cursor is not one this store made");
    }
    return parts;
  }

  static Instant instant(String micros) {
    try {
      return Instant.EPOCH.plus(Long.parseLong(micros), ChronoUnit.MICROS);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("cursor is not one this store made", e);
    }
  }

  static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cursor is not one this store made", e);
    }
  }

  static long number(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("cursor is not one this store made", e);
    }
  }

  private static long micros(Instant at) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, at);
  }
}
