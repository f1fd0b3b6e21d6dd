package dev.coachkit.ports.model.coaching;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.WorkoutId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A workout the user did on a date, with optional perceived exertion (RPE 1..10) and exercises. */
public record WorkoutLog(
    WorkoutId id,
    UserId userId,
    LocalDate date,
    String activity,
    int durationMinutes,
    Optional<Integer> perceivedExertion,
    List<LoggedExercise> exercises,
    Optional<String> notes,
    Instant recordedAt) {
  public WorkoutLog {
    Require.nonNull(id, "id");
    Require.nonNull(userId, "userId");
    Require.nonNull(date, "date");
    Require.text(activity, "activity", 100);
    Require.inRange(durationMinutes, "durationMinutes", 1, 1_440);
    Require.nonNull(perceivedExertion, "perceivedExertion")
        .ifPresent(r -> Require.inRange(r, "perceivedExertion", 1, 10));
    exercises = Require.list(exercises, "exercises");
    if (exercises.size() > 100) {
      throw new IllegalArgumentException("exercises must have at most 100 entries");
    }
    Require.optionalText(notes, "notes", 2_000);
    Require.nonNull(recordedAt, "recordedAt");
  }
}
