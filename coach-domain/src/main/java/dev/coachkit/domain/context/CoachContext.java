package dev.coachkit.domain.context;

import java.util.List;
import java.util.Objects;

/** The condensed coach context: its text, its estimated tokens, and which sections it kept and dropped. */
public record CoachContext(
    String text, int estimatedTokens, List<CoachContextSection> included, List<CoachContextSection> dropped) {
  public CoachContext {
    Objects.requireNonNull(text, "text must not be null");
    if (estimatedTokens < 0) {
      throw new IllegalArgumentException("estimatedTokens must not be negative");
    }
    included = List.copyOf(included);
    dropped = List.copyOf(dropped);
  }
}
