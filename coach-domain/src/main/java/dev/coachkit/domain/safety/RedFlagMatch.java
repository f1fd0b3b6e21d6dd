package dev.coachkit.domain.safety;

import dev.coachkit.domain.persona.CoachLanguage;
import java.util.Objects;

/** A red flag found in a message, the language of the words that matched, and those words. */
public record RedFlagMatch(RedFlag flag, CoachLanguage language, String matched) {
  public RedFlagMatch {
    Objects.requireNonNull(flag, "flag must not be null");
    Objects.requireNonNull(language, "language must not be null");
    Objects.requireNonNull(matched, "matched must not be null");
  }
}
