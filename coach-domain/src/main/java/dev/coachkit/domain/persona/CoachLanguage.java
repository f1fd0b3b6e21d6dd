package dev.coachkit.domain.persona;

import java.util.Locale;
import java.util.Objects;

/** A language the coach's own texts (instructions, greetings, safety replies) are written in. */
public enum CoachLanguage {
  ENGLISH("en"),
  SPANISH("es");

  private final String tag;

  CoachLanguage(String tag) {
    this.tag = tag;
  }

  /** The BCP 47 language tag. */
  public String tag() {
    return tag;
  }

  /** The coach language for a profile's locale: Spanish for any {@code es} locale, otherwise English. */
  public static CoachLanguage of(Locale locale) {
    Objects.requireNonNull(locale, "locale must not be null");
    return "es".equals(locale.getLanguage()) ? SPANISH : ENGLISH;
  }
}
