package dev.coachkit.ports.model.plan;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Defensive copies with a stable iteration order, so equal inputs always produce equal plans. */
final class Copies {
  private Copies() {}

  static <E extends Comparable<E>> Set<E> sortedSet(Collection<E> values, String field) {
    Objects.requireNonNull(values, field + " must not be null");
    TreeSet<E> copy = new TreeSet<>();
    for (E value : values) {
      copy.add(Objects.requireNonNull(value, field + " must not contain null"));
    }
    return Collections.unmodifiableSortedSet(copy);
  }

  /** Trims and lower-cases free-text labels such as allergens, then sorts them. */
  static Set<String> labels(Collection<String> values, String field) {
    Objects.requireNonNull(values, field + " must not be null");
    TreeSet<String> copy = new TreeSet<>();
    for (String value : values) {
      copy.add(Objects.requireNonNull(value, field + " must not contain null").strip().toLowerCase(Locale.ROOT));
    }
    return Collections.unmodifiableSortedSet(copy);
  }

  static <E> List<E> list(List<E> values, String field) {
    Objects.requireNonNull(values, field + " must not be null");
    for (E value : values) {
      Objects.requireNonNull(value, field + " must not contain null");
    }
    return List.copyOf(values);
  }

  static String text(String value, String field) {
    Objects.requireNonNull(value, field + " must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  static int positive(int value, String field) {
    if (value < 1) {
      throw new IllegalArgumentException(field + " must be at least 1, was " + value);
    }
    return value;
  }

  static int notNegative(int value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative, was " + value);
    }
    return value;
  }
}
