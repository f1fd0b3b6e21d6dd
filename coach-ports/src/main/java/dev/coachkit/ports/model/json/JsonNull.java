package dev.coachkit.ports.model.json;

/** The JSON literal {@code null}. */
public enum JsonNull implements JsonValue {
  INSTANCE;

  @Override
  public Kind kind() {
    return Kind.NULL;
  }

  @Override
  public String toString() {
    return "null";
  }
}
