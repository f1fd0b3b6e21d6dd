package dev.coachkit.ports.model.coaching;

import dev.coachkit.ports.model.common.Require;
import java.util.Optional;

/** One exercise within a logged workout. */
public record LoggedExercise(String name, int sets, int reps, Optional<Double> weightKg) {
  public LoggedExercise {
    Require.text(name, "name", 100);
    Require.inRange(sets, "sets", 1, 100);
    Require.inRange(reps, "reps", 0, 1_000);
    Require.nonNull(weightKg, "weightKg").ifPresent(w -> Require.inRange(w, "weightKg", 0, 1_000));
  }
}
