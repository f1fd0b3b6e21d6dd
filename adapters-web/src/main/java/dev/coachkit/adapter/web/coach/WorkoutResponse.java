package dev.coachkit.adapter.web.coach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A logged workout. */
record WorkoutResponse(
    UUID id,
    LocalDate date,
    String activity,
    int durationMinutes,
    Integer perceivedExertion,
    List<ExerciseResponse> exercises,
    String notes,
    Instant recordedAt) {}
