package dev.coachkit.ports.model.coaching;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.plan.Plan;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the coach knows about a user at a moment: profile, recent data, goals, the last check-in and the active plans. */
public record CoachKnowledge(
    UserId userId,
    Instant asOf,
    Optional<CoachProfile> profile,
    List<WorkoutLog> recentWorkouts,
    List<NutritionDay> recentNutrition,
    List<ProgressMeasurement> recentProgress,
    List<Goal> activeGoals,
    Optional<CheckInSummary> lastCheckIn,
    List<Plan> activePlans) {
  public CoachKnowledge {
    Require.nonNull(userId, "userId");
    Require.nonNull(asOf, "asOf");
    Require.nonNull(profile, "profile");
    recentWorkouts = Require.list(recentWorkouts, "recentWorkouts");
    recentNutrition = Require.list(recentNutrition, "recentNutrition");
    recentProgress = Require.list(recentProgress, "recentProgress");
    activeGoals = Require.list(activeGoals, "activeGoals");
    Require.nonNull(lastCheckIn, "lastCheckIn");
    activePlans = Require.list(activePlans, "activePlans");
  }
}
