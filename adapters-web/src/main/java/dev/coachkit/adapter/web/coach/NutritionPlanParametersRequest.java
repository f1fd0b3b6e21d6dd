package dev.coachkit.adapter.web.coach;

import dev.coachkit.ports.model.plan.ActivityLevel;
import dev.coachkit.ports.model.plan.BiologicalSex;
import dev.coachkit.ports.model.plan.DietaryPreference;
import dev.coachkit.ports.model.plan.NutritionGoal;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** Explicit nutrition-plan parameters. */
record NutritionPlanParametersRequest(
    @NotNull BiologicalSex sex,
    @NotNull @Min(14) @Max(120) Integer age,
    @NotNull @DecimalMin("50") @DecimalMax("275") Double heightCm,
    @NotNull @DecimalMin("20") @DecimalMax("650") Double weightKg,
    @NotNull ActivityLevel activityLevel,
    @NotNull NutritionGoal goal,
    @DecimalMin("0") @DecimalMax("2") Double weeklyChangeKg,
    @NotNull @Min(1) @Max(8) Integer mealsPerDay,
    @Size(max = 8) Set<@NotNull DietaryPreference> dietaryPreferences,
    @Size(max = 50) Set<@NotBlank @Size(max = 100) String> allergies) {}
