package dev.coachkit.domain.coaching;

import dev.coachkit.ports.model.json.JsonArray;
import dev.coachkit.ports.model.json.JsonNumber;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.json.JsonString;
import dev.coachkit.ports.model.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed fields from a model-supplied JSON object, collecting a sentence for every field of the wrong type
 * instead of throwing; an absent field and {@code null} both mean "not stated".
 */
public final class JsonFields {
  private final JsonObject object;
  private final List<String> problems = new ArrayList<>();

  public JsonFields(JsonObject object) {
    this.object = object;
  }

  /** Every problem found so far, one sentence each. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  public Optional<Integer> integer(String name) {
    Optional<JsonValue> value = present(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof JsonNumber number) {
      BigDecimal decimal = number.value();
      try {
        return Optional.of(decimal.stripTrailingZeros().intValueExact());
      } catch (ArithmeticException e) {
        problems.add(name + " must be a whole number, was " + decimal.toPlainString());
        return Optional.empty();
      }
    }
    problems.add(name + " must be a whole number");
    return Optional.empty();
  }

  public Optional<Double> number(String name) {
    Optional<JsonValue> value = present(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof JsonNumber number) {
      double d = number.doubleValue();
      if (Double.isFinite(d)) {
        return Optional.of(d);
      }
    }
    problems.add(name + " must be a number");
    return Optional.empty();
  }

  /** A non-blank string, stripped; a blank string counts as not stated. */
  public Optional<String> text(String name) {
    Optional<JsonValue> value = present(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof JsonString string) {
      String stripped = string.value().strip();
      return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
    }
    problems.add(name + " must be a string");
    return Optional.empty();
  }

  public <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type) {
    Optional<String> text = text(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<E> constant = constant(type, text.get());
    if (constant.isEmpty()) {
      problems.add(name + " has an unknown value '" + text.get() + "'");
    }
    return constant;
  }

  /** The array of enum names as a set; empty Optional when not stated, a problem for any unknown name. */
  public <E extends Enum<E>> Optional<Set<E>> enumSet(String name, Class<E> type) {
    Optional<List<String>> texts = textArray(name);
    if (texts.isEmpty()) {
      return Optional.empty();
    }
    Set<E> values = new LinkedHashSet<>();
    for (String text : texts.get()) {
      Optional<E> constant = constant(type, text);
      if (constant.isPresent()) {
        values.add(constant.get());
      } else {
        problems.add(name + " has an unknown value '" + text + "'");
      }
    }
    return Optional.of(values);
  }

  /** The array of strings (stripped, blanks dropped); empty Optional when not stated. */
  public Optional<List<String>> textArray(String name) {
    Optional<JsonValue> value = present(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (!(value.get() instanceof JsonArray array)) {
      problems.add(name + " must be an array of strings");
      return Optional.empty();
    }
    List<String> texts = new ArrayList<>();
    for (JsonValue element : array.elements()) {
      if (element instanceof JsonString string) {
        String stripped = string.value().strip();
        if (!stripped.isEmpty()) {
          texts.add(stripped);
        }
      } else {
        problems.add(name + " must contain only strings");
        return Optional.empty();
      }
    }
    return Optional.of(texts);
  }

  private Optional<JsonValue> present(String name) {
    Optional<JsonValue> value = object.find(name);
    if (value.isEmpty() || value.get().kind() == JsonValue.Kind.NULL) {
      return Optional.empty();
    }
    return value;
  }

  private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String text) {
    String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }
}
