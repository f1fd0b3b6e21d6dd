package dev.coachkit.adapter.openai.chat.internal;

import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.json.JsonArray;
import dev.coachkit.ports.model.json.JsonBoolean;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.json.JsonString;
import dev.coachkit.ports.model.json.JsonValue;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON schemas (as the ports' {@link JsonValue} tree) into LangChain4j schema elements.
 *
 * <p>A tool's parameters must be a LangChain4j {@link JsonObjectSchema}: the top level (description, properties,
 * required, additionalProperties, {@code $defs}) maps onto it, and each property and definition travels verbatim as a
 * {@link JsonRawSchema}, so no keyword below the top level is lost. A response schema travels verbatim as a whole.
 */
final class SchemaMapping {

  private SchemaMapping() {
  }

  /** The parameters of a tool. Top-level keywords other than the ones above (e.g. {@code title}) are dropped. */
  static JsonObjectSchema toolParameters(JsonObject schema) {
    JsonObjectSchema.Builder builder = JsonObjectSchema.builder();
    schema.findString("description").ifPresent(builder::description);
    if (schema.find("properties").orElse(null) instanceof JsonObject properties) {
      Map<String, JsonSchemaElement> elements = new LinkedHashMap<>();
      properties.members().forEach((name, property) -> elements.put(name, raw(property)));
      builder.addProperties(elements);
    }
    if (schema.find("required").orElse(null) instanceof JsonArray required) {
      List<String> names = new ArrayList<>();
      for (JsonValue element : required.elements()) {
        if (element instanceof JsonString name) {
          names.add(name.value());
        }
      }
      builder.required(names);
    }
    if (schema.find("additionalProperties").orElse(null) instanceof JsonBoolean additional) {
      builder.additionalProperties(additional.value());
    }
    if (schema.find("$defs").orElse(null) instanceof JsonObject definitions) {
      Map<String, JsonSchemaElement> elements = new LinkedHashMap<>();
      definitions.members().forEach((name, definition) -> elements.put(name, raw(definition)));
      builder.definitions(elements);
    }
    return builder.build();
  }

  /** A schema passed verbatim; the boolean schemas {@code true}/{@code false} become their object forms. */
  static JsonRawSchema raw(JsonValue schema) {
    if (schema instanceof JsonBoolean bool) {
      return JsonRawSchema.from(bool.value() ? "{}" : "{\"not\":{}}");
    }
    return JsonRawSchema.from(Json.write(schema));
  }

  /**
   * Whether the schema already meets the structured-outputs rules OpenAI enforces for {@code strict: true}: every
   * object schema sets {@code additionalProperties: false} and lists every property in {@code required}.
   */
  static boolean isStrictCompatible(JsonValue schema) {
    if (!(schema instanceof JsonObject object)) {
      return true;
    }
    boolean isObject = object.find("type").map(type -> type.equals(JsonString.of("object"))
        || (type instanceof JsonArray types && types.elements().contains(JsonString.of("object")))).orElse(false)
        || object.has("properties");
    if (isObject) {
      if (!JsonBoolean.FALSE.equals(object.find("additionalProperties").orElse(null))) {
        return false;
      }
      Set<JsonValue> required = new LinkedHashSet<>();
      if (object.find("required").orElse(null) instanceof JsonArray names) {
        required.addAll(names.elements());
      }
      if (object.find("properties").orElse(null) instanceof JsonObject properties) {
        for (Map.Entry<String, JsonValue> property : properties.members().entrySet()) {
          if (!required.contains(JsonString.of(property.getKey())) || !isStrictCompatible(property.getValue())) {
            return false;
          }
        }
      }
    }
    for (String keyword : List.of("items")) {
      if (object.has(keyword) && !isStrictCompatible(object.find(keyword).get())) {
        return false;
      }
    }
    for (String keyword : List.of("anyOf", "allOf", "oneOf")) {
      if (object.find(keyword).orElse(null) instanceof JsonArray branches) {
        for (JsonValue branch : branches.elements()) {
          if (!isStrictCompatible(branch)) {
            return false;
          }
        }
      }
    }
    for (String keyword : List.of("$defs", "definitions")) {
      if (object.find(keyword).orElse(null) instanceof JsonObject definitions) {
        for (JsonValue definition : definitions.members().values()) {
          if (!isStrictCompatible(definition)) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
