package dev.coachkit.ports.model.common;

import java.util.List;
import java.util.Optional;

/** Argument checks for compact constructors at the boundary; every message names the offending field. */
public final class Require {
  private Require() {}

  public static <T> T nonNull(T value, String field) {
    // Not Objects.requireNonNull(value, () -> …): every record on a turn's path checks its fields here, and the
    // capturing lambda was allocated on each call (about 1 % of a chat turn's allocations on the worker thread).
    if (value == null) {
      throw new NullPointerException(field + " must not be null");
    }
    return value;
  }

  /** A non-blank string of at most {@code maxLength} characters. */
  public static String text(String value, String field, int maxLength) {
    nonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return maxLength(value, field, maxLength);
  }

  /** A possibly empty string of at most {@code maxLength} characters. */
  public static String maxLength(String value, String field, int maxLength) {
    nonNull(value, field);
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
    }
    return value;
  }

  /** An optional non-blank string of at most {@code maxLength} characters. */
  public static Optional<String> optionalText(Optional<String> value, String field, int maxLength) {
    nonNull(value, field);
    value.ifPresent(v -> text(v, field, maxLength));
    return value;
  }

  /** An immutable copy of a list of at most {@code maxItems} non-blank strings of at most {@code maxLength}. */
  public static List<String> texts(List<String> values, String field, int maxItems, int maxLength) {
    List<String> copy = List.copyOf(nonNull(values, field));
    if (copy.size() > maxItems) {
      throw new IllegalArgumentException(field + " must have at most " + maxItems + " entries");
    }
    copy.forEach(v -> text(v, field + " entry", maxLength));
    return copy;
  }

  /** An immutable copy of a list without null elements. */
  public static <T> List<T> list(List<T> values, String field) {
    try {
      return List.copyOf(nonNull(values, field));
    } catch (NullPointerException e) {
      throw new NullPointerException(field + " must not contain null");
    }
  }

  public static long nonNegative(long value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative, was " + value);
    }
    return value;
  }

  public static double nonNegative(double value, String field) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(field + " must be finite and not negative, was " + value);
    }
    return value;
  }

  public static long positive(long value, String field) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be positive, was " + value);
    }
    return value;
  }

  public static long inRange(long value, String field, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  public static double inRange(double value, String field, double min, double max) {
    if (!Double.isFinite(value) || value < min || value > max) {
      throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  /** A page size: 1..100. */
  public static int limit(int value) {
    return (int) inRange(value, "limit", 1, 100);
  }
}
