package dev.coachkit.ports.model.coaching;

import dev.coachkit.ports.model.common.Require;
import java.util.List;
import java.util.Optional;

/**
 * One consistent read of what the coach needs to know about a user now: the profile, the workouts, nutrition days
 * and measurements of a {@link CoachDataWindow}, the ACTIVE goals (oldest first) and the latest check-in.
 */
public record RecentCoachData(
    Optional<CoachProfile> profile,
    List<WorkoutLog> workouts,
    List<NutritionDay> nutritionDays,
    List<ProgressMeasurement> measurements,
    List<Goal> activeGoals,
    Optional<CheckInSummary> latestCheckIn) {
  public RecentCoachData {
    Require.nonNull(profile, "profile");
    workouts = Require.list(workouts, "workouts");
    nutritionDays = Require.list(nutritionDays, "nutritionDays");
    measurements = Require.list(measurements, "measurements");
    activeGoals = Require.list(activeGoals, "activeGoals");
    Require.nonNull(latestCheckIn, "latestCheckIn");
  }
}
