package dev.coachkit.domain.plan;

import dev.coachkit.ports.model.plan.PrescribedExercise;
import dev.coachkit.ports.model.plan.PrescriptionUnit;
import dev.coachkit.ports.model.plan.WorkoutDay;

/**
 * Estimates how long a session takes: a 5-minute warm-up, then per exercise its work sets (4 s per repetition
 * at the top of the range, or the hold time), the rests between sets, and one minute to set up.
 */
public final class SessionTime {

  public static final int WARM_UP_MINUTES = 5;
  static final int SECONDS_PER_REPETITION = 4;
  static final int SET_UP_SECONDS = 60;

  private SessionTime() {}

  /** The estimated length of the session in whole minutes, rounded up. */
  public static int minutes(WorkoutDay day) {
    int seconds = 0;
    for (PrescribedExercise exercise : day.exercises()) {
      seconds += seconds(exercise.sets(), exercise.repsMax(), exercise.unit(), exercise.restSeconds());
    }
    return totalMinutes(seconds);
  }

  static int seconds(int sets, int repsMax, PrescriptionUnit unit, int restSeconds) {
    int work = unit == PrescriptionUnit.SECONDS ? repsMax : repsMax * SECONDS_PER_REPETITION;
    return sets * work + (sets - 1) * restSeconds + SET_UP_SECONDS;
  }

  static int totalMinutes(int exerciseSeconds) {
    return WARM_UP_MINUTES + (exerciseSeconds + 59) / 60;
  }
}
