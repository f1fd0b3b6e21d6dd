package dev.coachkit.adapter.web.coach;

import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.coaching.PreferredMode;
import dev.coachkit.ports.model.coaching.Sex;
import dev.coachkit.ports.model.plan.ActivityLevel;
import dev.coachkit.ports.model.plan.FitnessLevel;
import java.time.Instant;
import java.util.List;

/** The coach profile as stored. */
record ProfileResponse(
    String name,
    Integer birthYear,
    Sex sex,
    Double heightCm,
    Double weightKg,
    FitnessLevel fitnessLevel,
    ActivityLevel activityLevel,
    List<String> injuries,
    List<String> equipment,
    List<String> dietaryPreferences,
    List<String> allergies,
    String language,
    Persona persona,
    PreferredMode preferredMode,
    String preferredVoice,
    boolean weeklyCheckInOptIn,
    Instant updatedAt) {}
