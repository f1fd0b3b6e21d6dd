package dev.coachkit.ports.model.plan;

import java.util.Objects;

/**
 * One exercise in a session with its dose: sets, a repetition (or seconds) range, rest and effort.
 *
 * @param exerciseId the id of the exercise in the built-in library
 * @param name its display name
 * @param sets number of work sets
 * @param repsMin lower end of the range, in {@code unit}
 * @param repsMax upper end of the range, in {@code unit}
 * @param unit whether the range counts repetitions or seconds
 * @param restSeconds rest between sets
 * @param intensityNote how hard the sets should feel, e.g. "2 reps in reserve (RPE 8)"
 */
public record PrescribedExercise(
    String exerciseId,
    String name,
    int sets,
    int repsMin,
    int repsMax,
    PrescriptionUnit unit,
    int restSeconds,
    String intensityNote) {

  public PrescribedExercise {
    Copies.text(exerciseId, "exerciseId");
    Copies.text(name, "name");
    Copies.positive(sets, "sets");
    Copies.positive(repsMin, "repsMin");
    if (repsMax < repsMin) {
      throw new IllegalArgumentException("repsMax must be at least repsMin, was " + repsMax + " < " + repsMin);
    }
    Objects.requireNonNull(unit, "unit must not be null");
    Copies.notNegative(restSeconds, "restSeconds");
    Copies.text(intensityNote, "intensityNote");
  }
}
