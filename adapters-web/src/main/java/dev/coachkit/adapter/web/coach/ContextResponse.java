package dev.coachkit.adapter.web.coach;

import java.time.Instant;
import java.util.List;

/** What the coach knows about the user: profile, recent logs, goals, last check-in, active plans. */
record ContextResponse(
    Instant asOf,
    ProfileResponse profile,
    List<WorkoutResponse> recentWorkouts,
    List<NutritionResponse> recentNutrition,
    List<ProgressResponse> recentProgress,
    List<GoalResponse> activeGoals,
    CheckInResponse lastCheckIn,
    List<PlanResponse> activePlans) {}
