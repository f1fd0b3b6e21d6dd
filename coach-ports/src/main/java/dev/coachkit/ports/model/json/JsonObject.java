package dev.coachkit.ports.model.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A JSON object: an immutable map of unique member names to values that keeps insertion order. */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
  public static final JsonObject EMPTY = new JsonObject(Map.of());

  public JsonObject {
    Objects.requireNonNull(members, "members must not be null");
    LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>();
    members.forEach(
        (name, value) -> {
          new JsonString(Objects.requireNonNull(name, "members must not have a null name"));
          copy.put(name, Objects.requireNonNull(value, "members must not have a null value: " + name));
        });
    members = Collections.unmodifiableMap(copy);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The member with this name, if present. */
  public Optional<JsonValue> find(String name) {
    return Optional.ofNullable(members.get(name));
  }

  /** The member with this name if it is a string. */
  public Optional<String> findString(String name) {
    JsonValue value = members.get(name);
    return value instanceof JsonString s ? Optional.of(s.value()) : Optional.empty();
  }

  /** The member with this name if it is a number. */
  public Optional<JsonNumber> findNumber(String name) {
    JsonValue value = members.get(name);
    return value instanceof JsonNumber n ? Optional.of(n) : Optional.empty();
  }

  public boolean has(String name) {
    return members.containsKey(name);
  }

  public int size() {
    return members.size();
  }

  @Override
  public Kind kind() {
    return Kind.OBJECT;
  }

  @Override
  public String toString() {
    return Json.write(this);
  }

  /** Builds a {@link JsonObject} member by member; a repeated name replaces the earlier value. */
  public static final class Builder {
    private final LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

    private Builder() {}

    public Builder put(String name, JsonValue value) {
      members.put(Objects.requireNonNull(name, "name must not be null"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder put(String name, String value) {
      return put(name, new JsonString(value));
    }

    public Builder put(String name, long value) {
      return put(name, JsonNumber.of(value));
    }

    public Builder put(String name, boolean value) {
      return put(name, JsonBoolean.of(value));
    }

    public JsonObject build() {
      return new JsonObject(members);
    }
  }
}
