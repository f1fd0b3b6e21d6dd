package dev.coachkit.domain.coaching;

import dev.coachkit.ports.in.coaching.UpsertCoachProfileCommand;
import dev.coachkit.ports.in.coaching.UpsertCoachProfileUseCase;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Replaces a user's profile with what they state; an age becomes a birth year (this year minus the age), so the
 * profile does not go stale. Values outside what a person can be are rejected with IllegalArgumentException
 * naming the field, since the command has no refusal.
 */
public final class UpsertCoachProfileService implements UpsertCoachProfileUseCase {
  /** The oldest age accepted. */
  public static final int MAX_AGE = 120;

  private final CoachDataStore store;
  private final Clock clock;
  private final CoachProfileDefaults defaults;

  public UpsertCoachProfileService(CoachDataStore store, Clock clock, CoachProfileDefaults defaults) {
    this.store = Objects.requireNonNull(store, "store must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.defaults = Objects.requireNonNull(defaults, "defaults must not be null");
  }

  @Override
  public CoachProfile upsert(UpsertCoachProfileCommand command) {
    int thisYear = Calendar.today(clock).getYear();
    Optional<Integer> birthYear = command.birthYear();
    if (command.age().isPresent()) {
      birthYear = Optional.of(thisYear - command.age().get());
    }
    birthYear.ifPresent(year -> {
      if (year > thisYear) {
        throw new IllegalArgumentException("birthYear must not be in the future, was " + year);
      }
      if (thisYear - year > MAX_AGE) {
        throw new IllegalArgumentException("birthYear must be at most " + MAX_AGE + " years ago, was " + year);
      }
    });
    Locale language = command.language().orElse(defaults.language());
    if (language.getLanguage().isEmpty()) {
      throw new IllegalArgumentException("language must name a language, was '" + language.toLanguageTag() + "'");
    }
    CoachProfile profile = new CoachProfile(
        command.userId(),
        command.name().map(String::strip),
        birthYear,
        command.sex(),
        command.heightCm(),
        command.weightKg(),
        command.fitnessLevel(),
        command.activityLevel(),
        tidy(command.injuries()),
        tidy(command.equipment()),
        tidy(command.dietaryPreferences()),
        tidy(command.allergies()),
        language,
        command.persona().orElse(defaults.persona()),
        command.preferredMode().orElse(defaults.preferredMode()),
        command.preferredVoice().map(String::strip),
        command.weeklyCheckInOptIn(),
        clock.instant());
    store.saveProfile(profile);
    return profile;
  }

  /** Stripped entries without case-insensitive repeats, in the order given. */
  static List<String> tidy(List<String> entries) {
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    List<String> tidy = new ArrayList<>();
    for (String entry : entries) {
      String stripped = entry.strip();
      if (seen.add(stripped.toLowerCase(Locale.ROOT))) {
        tidy.add(stripped);
      }
    }
    return tidy;
  }
}
