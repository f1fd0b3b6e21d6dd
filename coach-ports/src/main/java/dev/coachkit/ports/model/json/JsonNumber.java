package dev.coachkit.ports.model.json;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number, held exactly as a {@link BigDecimal}.
 *
 * <p>Equality is numeric: {@code 1}, {@code 1.0} and {@code 1e0} are equal, as they are in JSON.
 */
public record JsonNumber(BigDecimal value) implements JsonValue {
  public JsonNumber {
    Objects.requireNonNull(value, "value must not be null");
  }

  public static JsonNumber of(long value) {
    return new JsonNumber(BigDecimal.valueOf(value));
  }

  public static JsonNumber of(BigDecimal value) {
    return new JsonNumber(value);
  }

  /** Creates a number from a finite double, using its shortest decimal form; NaN and infinities are rejected. */
  public static JsonNumber of(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite, was " + value);
    }
    return new JsonNumber(BigDecimal.valueOf(value));
  }

  /** The value as an int; throws ArithmeticException if it has a fraction or does not fit. */
  public int intValueExact() {
    return value.intValueExact();
  }

  /** The value as a long; throws ArithmeticException if it has a fraction or does not fit. */
  public long longValueExact() {
    return value.longValueExact();
  }

  /** The value as the nearest double. */
  public double doubleValue() {
    return value.doubleValue();
  }

  @Override
  public Kind kind() {
    return Kind.NUMBER;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonNumber that && value.compareTo(that.value) == 0;
  }

  @Override
  public int hashCode() {
    return value.stripTrailingZeros().hashCode();
  }

  @Override
  public String toString() {
    return Json.write(this);
  }
}
