package dev.coachkit.ports.in.coaching;

import dev.coachkit.ports.model.coaching.LoggedExercise;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A workout the user reports having done. */
public record RecordWorkoutCommand(
    UserId userId,
    LocalDate date,
    String activity,
    int durationMinutes,
    Optional<Integer> perceivedExertion,
    List<LoggedExercise> exercises,
    Optional<String> notes) {
  public RecordWorkoutCommand {
    Require.nonNull(userId, "userId");
    Require.nonNull(date, "date");
    Require.text(activity, "activity", 100);
    Require.nonNull(perceivedExertion, "perceivedExertion");
    exercises = Require.list(exercises, "exercises");
    Require.optionalText(notes, "notes", 2_000);
  }
}
