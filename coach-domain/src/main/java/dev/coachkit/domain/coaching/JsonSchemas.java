package dev.coachkit.domain.coaching;

import dev.coachkit.ports.model.json.JsonArray;
import dev.coachkit.ports.model.json.JsonBoolean;
import dev.coachkit.ports.model.json.JsonNull;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.json.JsonString;
import dev.coachkit.ports.model.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds JSON schemas in the subset strict structured output accepts: every property required, no additional
 * properties, "may be unknown" written as a union with null.
 */
public final class JsonSchemas {
  private JsonSchemas() {}

  /** An object whose properties are all required and nothing else is allowed. */
  public static JsonObject object(Map<String, JsonObject> properties) {
    LinkedHashMap<String, JsonValue> props = new LinkedHashMap<>(properties);
    List<String> names = new ArrayList<>(properties.keySet());
    return JsonObject.builder()
        .put("type", "object")
        .put("properties", new JsonObject(props))
        .put("required", JsonArray.ofStrings(names))
        .put("additionalProperties", JsonBoolean.of(false))
        .build();
  }

  public static JsonObject string(String description) {
    return JsonObject.builder().put("type", "string").put("description", description).build();
  }

  public static JsonObject nullableString(String description) {
    return JsonObject.builder().put("type", types("string")).put("description", description).build();
  }

  public static JsonObject nullableInteger(String description) {
    return JsonObject.builder().put("type", types("integer")).put("description", description).build();
  }

  public static JsonObject nullableNumber(String description) {
    return JsonObject.builder().put("type", types("number")).put("description", description).build();
  }

  /** A string that is one of the enum's constant names, or null. */
  public static JsonObject nullableEnum(Class<? extends Enum<?>> type, String description) {
    List<JsonValue> values = new ArrayList<>();
    for (Enum<?> constant : type.getEnumConstants()) {
      values.add(new JsonString(constant.name()));
    }
    values.add(JsonNull.INSTANCE);
    return JsonObject.builder()
        .put("type", types("string"))
        .put("enum", new JsonArray(values))
        .put("description", description)
        .build();
  }

  /** An array of the enum's constant names, or null. */
  public static JsonObject nullableEnumArray(Class<? extends Enum<?>> type, String description) {
    List<String> values = new ArrayList<>();
    for (Enum<?> constant : type.getEnumConstants()) {
      values.add(constant.name());
    }
    JsonObject items = JsonObject.builder().put("type", "string").put("enum", JsonArray.ofStrings(values)).build();
    return JsonObject.builder()
        .put("type", types("array"))
        .put("items", items)
        .put("description", description)
        .build();
  }

  public static JsonObject stringArray(String description) {
    return JsonObject.builder()
        .put("type", "array")
        .put("items", JsonObject.builder().put("type", "string").build())
        .put("description", description)
        .build();
  }

  public static JsonObject nullableStringArray(String description) {
    return JsonObject.builder()
        .put("type", types("array"))
        .put("items", JsonObject.builder().put("type", "string").build())
        .put("description", description)
        .build();
  }

  private static JsonArray types(String type) {
    return JsonArray.ofStrings(List.of(type, "null"));
  }
}
