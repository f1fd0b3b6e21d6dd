package dev.coachkit.domain.tool;

import dev.coachkit.ports.model.json.JsonArray;
import dev.coachkit.ports.model.json.JsonNull;
import dev.coachkit.ports.model.json.JsonNumber;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.json.JsonString;
import dev.coachkit.ports.model.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds strict-mode-friendly JSON schemas: every object has {@code additionalProperties: false} and lists all its
 * properties as required; an optional property is nullable through a type array such as {@code ["integer", "null"]}.
 */
final class Schemas {
  private Schemas() {}

  /** A property, in declaration order. */
  record Property(String name, JsonObject schema) {}

  static JsonObject object(Property... properties) {
    Map<String, JsonValue> props = new LinkedHashMap<>();
    List<JsonValue> required = new ArrayList<>();
    for (Property p : properties) {
      props.put(p.name(), p.schema());
      required.add(new JsonString(p.name()));
    }
    return JsonObject.builder()
        .put("type", "object")
        .put("properties", new JsonObject(props))
        .put("required", new JsonArray(required))
        .put("additionalProperties", false)
        .build();
  }

  static Property prop(String name, JsonObject schema) {
    return new Property(name, schema);
  }

  static JsonObject string(String description, boolean nullable) {
    return JsonObject.builder().put("type", type("string", nullable)).put("description", description).build();
  }

  static JsonObject integer(String description, int min, int max, boolean nullable) {
    return JsonObject.builder().put("type", type("integer", nullable)).put("description", description)
        .put("minimum", min).put("maximum", max).build();
  }

  static JsonObject number(String description, double min, double max, boolean nullable) {
    return JsonObject.builder().put("type", type("number", nullable)).put("description", description)
        .put("minimum", JsonNumber.of(min)).put("maximum", JsonNumber.of(max)).build();
  }

  static JsonObject enumeration(String description, Enum<?>[] values, boolean nullable) {
    List<JsonValue> names = new ArrayList<>();
    Arrays.stream(values).forEach(v -> names.add(new JsonString(wire(v))));
    if (nullable) {
      names.add(JsonNull.INSTANCE);
    }
    return JsonObject.builder().put("type", type("string", nullable)).put("description", description)
        .put("enum", new JsonArray(names)).build();
  }

  static JsonObject enumArray(String description, Enum<?>[] values, boolean nullable) {
    List<JsonValue> names = new ArrayList<>();
    Arrays.stream(values).forEach(v -> names.add(new JsonString(wire(v))));
    JsonObject items = JsonObject.builder().put("type", "string").put("enum", new JsonArray(names)).build();
    return JsonObject.builder().put("type", type("array", nullable)).put("description", description)
        .put("items", items).build();
  }

  static JsonObject stringArray(String description, boolean nullable) {
    return JsonObject.builder().put("type", type("array", nullable)).put("description", description)
        .put("items", JsonObject.builder().put("type", "string").build()).build();
  }

  private static JsonValue type(String type, boolean nullable) {
    return nullable ? JsonArray.of(new JsonString(type), new JsonString("null")) : new JsonString(type);
  }

  /** An enum constant as it appears on the wire: lower snake case. */
  static String wire(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
