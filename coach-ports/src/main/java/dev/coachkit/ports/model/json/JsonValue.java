package dev.coachkit.ports.model.json;

/**
 * A JSON value: tool arguments, tool results, plan bodies and response schemas cross the boundary as this tree.
 *
 * <p>Java 17 has no pattern-matching switch, so {@link #kind()} gives an enum to switch on exhaustively.
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

  /** The six JSON value kinds. */
  enum Kind {
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  /** Which of the six JSON kinds this value is. */
  Kind kind();
}
