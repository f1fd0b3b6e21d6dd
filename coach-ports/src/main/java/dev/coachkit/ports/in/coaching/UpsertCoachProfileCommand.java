package dev.coachkit.ports.in.coaching;

import dev.coachkit.ports.model.plan.ActivityLevel;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.coaching.PreferredMode;
import dev.coachkit.ports.model.coaching.Sex;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The whole profile as the user states it (a full replacement); age or birth year, not both. Empty language,
 * persona and mode mean the server defaults.
 */
public record UpsertCoachProfileCommand(
    UserId userId,
    Optional<String> name,
    Optional<Integer> age,
    Optional<Integer> birthYear,
    Optional<Sex> sex,
    Optional<Double> heightCm,
    Optional<Double> weightKg,
    Optional<FitnessLevel> fitnessLevel,
    Optional<ActivityLevel> activityLevel,
    List<String> injuries,
    List<String> equipment,
    List<String> dietaryPreferences,
    List<String> allergies,
    Optional<Locale> language,
    Optional<Persona> persona,
    Optional<PreferredMode> preferredMode,
    Optional<String> preferredVoice,
    boolean weeklyCheckInOptIn) {
  public UpsertCoachProfileCommand {
    Require.nonNull(userId, "userId");
    Require.optionalText(name, "name", 100);
    Require.nonNull(age, "age").ifPresent(a -> Require.inRange(a, "age", 1, 120));
    Require.nonNull(birthYear, "birthYear");
    if (age.isPresent() && birthYear.isPresent()) {
      throw new IllegalArgumentException("age and birthYear must not both be given");
    }
    Require.nonNull(sex, "sex");
    Require.nonNull(heightCm, "heightCm");
    Require.nonNull(weightKg, "weightKg");
    Require.nonNull(fitnessLevel, "fitnessLevel");
    Require.nonNull(activityLevel, "activityLevel");
    injuries = Require.texts(injuries, "injuries", 50, 200);
    equipment = Require.texts(equipment, "equipment", 50, 100);
    dietaryPreferences = Require.texts(dietaryPreferences, "dietaryPreferences", 50, 100);
    allergies = Require.texts(allergies, "allergies", 50, 100);
    Require.nonNull(language, "language");
    Require.nonNull(persona, "persona");
    Require.nonNull(preferredMode, "preferredMode");
    Require.optionalText(preferredVoice, "preferredVoice", 64);
  }
}
