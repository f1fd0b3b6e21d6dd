package dev.coachkit.ports.model.coaching;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.plan.Plan;
import java.util.List;
import java.util.Optional;

/**
 * One consistent read of what the coach needs to know about a user now: the profile, the workouts, nutrition days
 * and measurements of a {@link CoachDataWindow}, the ACTIVE goals (oldest first), the latest check-in and the plans
 * in force (the ACTIVE plans, at most one per kind, workout first, as {@code PlanStore.activePlans} answers).
 */
public record RecentCoachData(
    Optional<CoachProfile> profile,
    List<WorkoutLog> workouts,
    List<NutritionDay> nutritionDays,
    List<ProgressMeasurement> measurements,
    List<Goal> activeGoals,
    Optional<CheckInSummary> latestCheckIn,
    List<Plan> activePlans) {
  public RecentCoachData {
    Require.nonNull(profile, "profile");
    workouts = Require.list(workouts, "workouts");
    nutritionDays = Require.list(nutritionDays, "nutritionDays");
    measurements = Require.list(measurements, "measurements");
    activeGoals = Require.list(activeGoals, "activeGoals");
    Require.nonNull(latestCheckIn, "latestCheckIn");
    activePlans = Require.list(activePlans, "activePlans");
  }
}
