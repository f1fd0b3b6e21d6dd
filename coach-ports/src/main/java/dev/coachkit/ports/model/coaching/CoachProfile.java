package dev.coachkit.ports.model.coaching;

import dev.coachkit.ports.model.plan.ActivityLevel;
import dev.coachkit.ports.model.plan.FitnessLevel;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a user told the coach about themselves; one per user.
 *
 * <p>Age is kept as a birth year so it does not go stale; the upsert command accepts an age and converts it.
 */
public record CoachProfile(
    UserId userId,
    Optional<String> name,
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
    Locale language,
    Persona persona,
    PreferredMode preferredMode,
    Optional<String> preferredVoice,
    boolean weeklyCheckInOptIn,
    Instant updatedAt) {
  public CoachProfile {
    Require.nonNull(userId, "userId");
    Require.optionalText(name, "name", 100);
    Require.nonNull(birthYear, "birthYear").ifPresent(y -> Require.inRange(y, "birthYear", 1900, 2100));
    Require.nonNull(sex, "sex");
    Require.nonNull(heightCm, "heightCm").ifPresent(h -> Require.inRange(h, "heightCm", 50, 275));
    Require.nonNull(weightKg, "weightKg").ifPresent(w -> Require.inRange(w, "weightKg", 20, 650));
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
    Require.nonNull(updatedAt, "updatedAt");
  }
}
