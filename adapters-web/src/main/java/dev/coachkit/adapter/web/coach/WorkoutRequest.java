package dev.coachkit.adapter.web.coach;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A workout the user did. */
record WorkoutRequest(
    @NotNull LocalDate date,
    @NotBlank @Size(max = 100) String activity,
    @NotNull @Min(1) @Max(1_440) Integer durationMinutes,
    @Min(1) @Max(10) Integer perceivedExertion,
    @Size(max = 100) List<@Valid @NotNull ExerciseRequest> exercises,
    @Size(max = 2_000) String notes) {}
