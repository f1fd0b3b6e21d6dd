package dev.coachkit.domain.coaching;

import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.coaching.PreferredMode;
import java.util.Locale;
import java.util.Objects;

/** The server's defaults for what a profile leaves open: language, persona and preferred mode. */
public record CoachProfileDefaults(Locale language, Persona persona, PreferredMode preferredMode) {
  public CoachProfileDefaults {
    Objects.requireNonNull(language, "language must not be null");
    Objects.requireNonNull(persona, "persona must not be null");
    Objects.requireNonNull(preferredMode, "preferredMode must not be null");
  }

  /** English, the fitness coach, text. */
  public static CoachProfileDefaults standard() {
    return new CoachProfileDefaults(Locale.ENGLISH, Persona.FITNESS_COACH, PreferredMode.TEXT);
  }
}
