package dev.coachkit.adapter.web.coach;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A progress measurement; without measuredAt it is taken as now. */
record ProgressRequest(
    @NotBlank @Size(max = 64) String metric,
    @NotNull @DecimalMin("-1000000000") @DecimalMax("1000000000") Double value,
    @NotBlank @Size(max = 16) String unit,
    Instant measuredAt) {}
