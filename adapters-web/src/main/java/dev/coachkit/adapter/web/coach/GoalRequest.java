package dev.coachkit.adapter.web.coach;

import dev.coachkit.ports.model.coaching.GoalStatus;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** A new goal, or (with goalId) a change to one of the user's goals. */
record GoalRequest(
    UUID goalId,
    @NotBlank @Size(max = 500) String description,
    @Size(min = 1, max = 64) String metric,
    @DecimalMin("-1000000000") @DecimalMax("1000000000") Double targetValue,
    @Size(min = 1, max = 16) String unit,
    LocalDate targetDate,
    GoalStatus status) {}
