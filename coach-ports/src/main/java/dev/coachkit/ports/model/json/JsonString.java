package dev.coachkit.ports.model.json;

import java.util.Objects;

/** A JSON string; its value is well-formed UTF-16 (no unpaired surrogates), so it always encodes. */
public record JsonString(String value) implements JsonValue {
  public JsonString {
    Objects.requireNonNull(value, "value must not be null");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        throw new IllegalArgumentException("value has an unpaired surrogate at index " + i);
      }
      if (Character.isLowSurrogate(c)) {
        throw new IllegalArgumentException("value has an unpaired surrogate at index " + i);
      }
    }
  }

  public static JsonString of(String value) {
    return new JsonString(value);
  }

  @Override
  public Kind kind() {
    return Kind.STRING;
  }

  @Override
  public String toString() {
    return Json.write(this);
  }
}
