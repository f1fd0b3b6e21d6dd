package dev.coachkit.adapter.web.coach;

import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.coaching.PreferredMode;
import dev.coachkit.ports.model.coaching.Sex;
import dev.coachkit.ports.model.plan.ActivityLevel;
import dev.coachkit.ports.model.plan.FitnessLevel;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The whole coach profile (a full replacement); age or birth year, not both. */
record ProfileRequest(
    @Size(min = 1, max = 100) String name,
    @Min(1) @Max(120) Integer age,
    @Min(1900) @Max(2100) Integer birthYear,
    Sex sex,
    @DecimalMin("50") @DecimalMax("275") Double heightCm,
    @DecimalMin("20") @DecimalMax("650") Double weightKg,
    FitnessLevel fitnessLevel,
    ActivityLevel activityLevel,
    @Size(max = 50) List<@NotBlank @Size(max = 200) String> injuries,
    @Size(max = 50) List<@NotBlank @Size(max = 100) String> equipment,
    @Size(max = 50) List<@NotBlank @Size(max = 100) String> dietaryPreferences,
    @Size(max = 50) List<@NotBlank @Size(max = 100) String> allergies,
    @Schema(description = "BCP 47 language tag, e.g. en or es-MX")
        @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}", message = "must be a language tag such as en or es-MX")
        String language,
    Persona persona,
    PreferredMode preferredMode,
    @Size(min = 1, max = 64) String preferredVoice,
    Boolean weeklyCheckInOptIn) {

  @AssertTrue(message = "give age or birthYear, not both")
  @Schema(hidden = true)
  boolean isAgeOrBirthYear() {
    return age == null || birthYear == null;
  }
}
