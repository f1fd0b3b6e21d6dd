package dev.coachkit.adapter.web.coach;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One exercise of a logged workout. */
record ExerciseRequest(
    @NotBlank @Size(max = 100) String name,
    @NotNull @Min(1) @Max(100) Integer sets,
    @NotNull @Min(0) @Max(1_000) Integer reps,
    @DecimalMin("0") @DecimalMax("1000") Double weightKg) {}
