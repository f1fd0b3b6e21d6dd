package dev.coachkit.ports.model.common;

/**
 * An opaque position in a paged listing, made by the store that served the page; callers hand it back unchanged.
 *
 * <p>Restricted to URL-safe characters so a web adapter can pass it through a query parameter.
 */
public record PageCursor(String value) {
  public PageCursor {
    Require.text(value, "value", 512);
    if (!value.matches("[A-Za-z0-9._~:=-]+")) {
      throw new IllegalArgumentException("value must contain only URL-safe characters [A-Za-z0-9._~:=-]");
    }
  }

  public static PageCursor of(String value) {
    return new PageCursor(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
