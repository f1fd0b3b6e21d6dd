package dev.coachkit.adapter.web.coach;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What the user ate on a date; replaces an earlier record of that date. */
record NutritionRequest(
    @NotNull LocalDate date,
    @NotNull @Min(0) @Max(20_000) Integer calories,
    @NotNull @DecimalMin("0") @DecimalMax("2000") Double proteinG,
    @NotNull @DecimalMin("0") @DecimalMax("5000") Double carbsG,
    @NotNull @DecimalMin("0") @DecimalMax("2000") Double fatG,
    @NotNull @Min(0) @Max(100) Integer adherencePercent,
    @Size(max = 2_000) String notes) {}
