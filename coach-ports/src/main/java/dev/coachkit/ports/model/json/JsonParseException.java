package dev.coachkit.ports.model.json;

/** Thrown by {@link Json#parse(String)} when the text is not strict RFC 8259 JSON; names the character offset. */
public final class JsonParseException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int position;

  public JsonParseException(String reason, int position) {
    super(reason + " at position " + position);
    this.position = position;
  }

  /** Zero-based offset of the offending character in the parsed text. */
  public int position() {
    return position;
  }
}
