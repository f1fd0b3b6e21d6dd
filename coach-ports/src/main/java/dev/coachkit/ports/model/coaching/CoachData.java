package dev.coachkit.ports.model.coaching;

import dev.coachkit.ports.model.common.Require;
import java.util.List;
import java.util.Optional;

/** Everything the coach-data store holds for one user, for export. */
public record CoachData(
    Optional<CoachProfile> profile,
    List<WorkoutLog> workouts,
    List<NutritionDay> nutritionDays,
    List<ProgressMeasurement> measurements,
    List<Goal> goals,
    List<CheckInSummary> checkIns) {
  public CoachData {
    Require.nonNull(profile, "profile");
    workouts = Require.list(workouts, "workouts");
    nutritionDays = Require.list(nutritionDays, "nutritionDays");
    measurements = Require.list(measurements, "measurements");
    goals = Require.list(goals, "goals");
    checkIns = Require.list(checkIns, "checkIns");
  }
}
