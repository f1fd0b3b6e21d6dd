package dev.coachkit.ports.model.plan;

import java.util.List;
import java.util.Objects;

/**
 * One training session of a week.
 *
 * @param dayNumber the session's position in the week, from 1
 * @param focus what the session works on
 * @param exercises the exercises in the order they are done; never empty
 */
public record WorkoutDay(int dayNumber, DayFocus focus, List<PrescribedExercise> exercises) {

  public WorkoutDay {
    Copies.positive(dayNumber, "dayNumber");
    Objects.requireNonNull(focus, "focus must not be null");
    exercises = Copies.list(exercises, "exercises");
    if (exercises.isEmpty()) {
      throw new IllegalArgumentException("exercises must not be empty");
    }
  }
}
