package dev.coachkit.ports.model.coaching;

import dev.coachkit.ports.model.common.Require;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Which recent coach data to read at once: workouts dated {@code workoutsFrom..through} and nutrition days dated
 * {@code nutritionFrom..through} (both inclusive), and measurements taken in {@code [measuredFrom, measuredBefore)}.
 */
public record CoachDataWindow(
    LocalDate workoutsFrom, LocalDate nutritionFrom, LocalDate through, Instant measuredFrom, Instant measuredBefore) {
  public CoachDataWindow {
    Require.nonNull(workoutsFrom, "workoutsFrom");
    Require.nonNull(nutritionFrom, "nutritionFrom");
    Require.nonNull(through, "through");
    Require.nonNull(measuredFrom, "measuredFrom");
    Require.nonNull(measuredBefore, "measuredBefore");
  }
}
