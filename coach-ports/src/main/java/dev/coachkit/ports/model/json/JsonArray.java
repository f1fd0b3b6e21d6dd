package dev.coachkit.ports.model.json;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A JSON array: an immutable ordered list of values. */
public record JsonArray(List<JsonValue> elements) implements JsonValue {
  public static final JsonArray EMPTY = new JsonArray(List.of());

  public JsonArray {
    Objects.requireNonNull(elements, "elements must not be null");
    elements = List.copyOf(elements);
  }

  public static JsonArray of(JsonValue... elements) {
    return new JsonArray(Arrays.asList(elements));
  }

  public static JsonArray ofStrings(List<String> strings) {
    return new JsonArray(strings.stream().<JsonValue>map(JsonString::new).toList());
  }

  public int size() {
    return elements.size();
  }

  public JsonValue get(int index) {
    return elements.get(index);
  }

  @Override
  public Kind kind() {
    return Kind.ARRAY;
  }

  @Override
  public String toString() {
    return Json.write(this);
  }
}
