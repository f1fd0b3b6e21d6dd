package dev.coachkit.domain.tool;

import dev.coachkit.ports.model.json.JsonArray;
import dev.coachkit.ports.model.json.JsonNull;
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
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a tool's arguments strictly: an object with only the declared properties, each of the declared type and
 * range. A missing or null optional property reads as absent. Every problem becomes a
 * {@link ToolArgumentException} whose message tells the model what to fix.
 */
final class ToolArguments {
  /** Property names that would let a model choose whose data a tool touches; always rejected. */
  static final Set<String> IDENTITY_PROPERTIES = Set.of("user_id", "userid", "user", "account_id", "owner_id");

  private final JsonObject args;

  private ToolArguments(JsonObject args) {
    this.args = args;
  }

  static ToolArguments of(JsonValue arguments, JsonObject schema) {
    if (!(arguments instanceof JsonObject)) {
      throw new ToolArgumentException("arguments must be a JSON object matching the tool's schema");
    }
    JsonObject object = (JsonObject) arguments;
    JsonObject properties = (JsonObject) schema.find("properties").orElse(JsonObject.EMPTY);
    for (String name : object.members().keySet()) {
      if (IDENTITY_PROPERTIES.contains(name.toLowerCase(Locale.ROOT))) {
        throw new ToolArgumentException("'" + name + "' is not accepted: tools always act for the signed-in user");
      }
      if (!properties.has(name)) {
        throw new ToolArgumentException("unknown property '" + name + "'; allowed: "
            + String.join(", ", properties.members().keySet()));
      }
    }
    return new ToolArguments(object);
  }

  private Optional<JsonValue> value(String name) {
    return args.find(name).filter(v -> v != JsonNull.INSTANCE);
  }

  private JsonValue required(String name) {
    return value(name).orElseThrow(() -> new ToolArgumentException("'" + name + "' is required"));
  }

  String requiredString(String name, int maxLength) {
    return optionalString(name, maxLength).orElseThrow(() -> new ToolArgumentException("'" + name + "' is required"));
  }

  Optional<String> optionalString(String name, int maxLength) {
    Optional<JsonValue> v = value(name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!(v.get() instanceof JsonString)) {
      throw new ToolArgumentException("'" + name + "' must be a string");
    }
    String s = ((JsonString) v.get()).value().strip();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    if (s.length() > maxLength) {
      throw new ToolArgumentException("'" + name + "' must be at most " + maxLength + " characters");
    }
    return Optional.of(s);
  }

  int requiredInt(String name, int min, int max) {
    return intValue(name, required(name), min, max);
  }

  OptionalInt optionalInt(String name, int min, int max) {
    Optional<JsonValue> v = value(name);
    return v.isEmpty() ? OptionalInt.empty() : OptionalInt.of(intValue(name, v.get(), min, max));
  }

  private static int intValue(String name, JsonValue v, int min, int max) {
    if (!(v instanceof JsonNumber)) {
      throw new ToolArgumentException("'" + name + "' must be an integer");
    }
    BigDecimal d = ((JsonNumber) v).value();
    int value;
    try {
      value = d.intValueExact();
    } catch (ArithmeticException e) {
      throw new ToolArgumentException("'" + name + "' must be a whole number between " + min + " and " + max);
    }
    if (value < min || value > max) {
      throw new ToolArgumentException("'" + name + "' must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  OptionalDouble optionalNumber(String name, double min, double max) {
    Optional<JsonValue> v = value(name);
    if (v.isEmpty()) {
      return OptionalDouble.empty();
    }
    if (!(v.get() instanceof JsonNumber)) {
      throw new ToolArgumentException("'" + name + "' must be a number");
    }
    double d = ((JsonNumber) v.get()).doubleValue();
    if (!(d >= min && d <= max)) {
      throw new ToolArgumentException("'" + name + "' must be between " + min + " and " + max + ", was " + d);
    }
    return OptionalDouble.of(d);
  }

  <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
    return optionalEnum(name, type).orElseThrow(() -> new ToolArgumentException("'" + name + "' is required"));
  }

  <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
    Optional<JsonValue> v = value(name);
    return v.isEmpty() ? Optional.empty() : Optional.of(enumValue(name, v.get(), type));
  }

  <E extends Enum<E>> Optional<Set<E>> optionalEnumSet(String name, Class<E> type) {
    Optional<JsonValue> v = value(name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!(v.get() instanceof JsonArray)) {
      throw new ToolArgumentException("'" + name + "' must be an array");
    }
    Set<E> out = new LinkedHashSet<>();
    for (JsonValue element : ((JsonArray) v.get()).elements()) {
      out.add(enumValue(name, element, type));
    }
    return Optional.of(out);
  }

  Optional<List<String>> optionalStrings(String name, int maxItems, int maxLength) {
    Optional<JsonValue> v = value(name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!(v.get() instanceof JsonArray) || ((JsonArray) v.get()).size() > maxItems) {
      throw new ToolArgumentException("'" + name + "' must be an array of at most " + maxItems + " strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonValue element : ((JsonArray) v.get()).elements()) {
      if (!(element instanceof JsonString) || ((JsonString) element).value().isBlank()
          || ((JsonString) element).value().length() > maxLength) {
        throw new ToolArgumentException("'" + name + "' must hold non-blank strings of at most " + maxLength
            + " characters");
      }
      out.add(((JsonString) element).value().strip());
    }
    return Optional.of(out);
  }

  private static <E extends Enum<E>> E enumValue(String name, JsonValue v, Class<E> type) {
    List<String> allowed = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      allowed.add(Schemas.wire(constant));
    }
    if (v instanceof JsonString) {
      String text = ((JsonString) v).value().strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
      for (E constant : type.getEnumConstants()) {
        if (Schemas.wire(constant).equals(text)) {
          return constant;
        }
      }
    }
    throw new ToolArgumentException("'" + name + "' must be one of " + String.join(", ", allowed));
  }
}
