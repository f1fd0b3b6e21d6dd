package dev.coachkit.adapter.web.coach;

import dev.coachkit.ports.model.coaching.GoalStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A goal as stored. */
record GoalResponse(
    UUID id,
    String description,
    String metric,
    Double targetValue,
    String unit,
    LocalDate targetDate,
    GoalStatus status,
    Instant createdAt,
    Instant updatedAt) {}
