package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.plan.ActivityLevel;
import dev.coachkit.ports.model.coaching.CheckInSummary;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.coaching.Goal;
import dev.coachkit.ports.model.coaching.GoalStatus;
import dev.coachkit.ports.model.coaching.LoggedExercise;
import dev.coachkit.ports.model.coaching.NutritionDay;
import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.coaching.PreferredMode;
import dev.coachkit.ports.model.coaching.ProgressMeasurement;
import dev.coachkit.ports.model.coaching.Sex;
import dev.coachkit.ports.model.coaching.WorkoutLog;
import dev.coachkit.ports.model.common.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Fixtures for coach data: a plausible profile and logs. */
public final class TestCoachDataFactory {
  public static final Instant T0 = TestConversationFactory.T0;
  public static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

  private TestCoachDataFactory() {}

  public static CoachProfile profile(UserId userId) {
    return profile(userId, true);
  }

  public static CoachProfile profile(UserId userId, boolean weeklyCheckInOptIn) {
    return new CoachProfile(userId, Optional.of("Ana"), Optional.of(1990), Optional.of(Sex.FEMALE),
        Optional.of(168.0), Optional.of(64.5), Optional.of(FitnessLevel.INTERMEDIATE),
        Optional.of(ActivityLevel.MODERATELY_ACTIVE), List.of("left knee"), List.of("dumbbells", "bench"),
        List.of("vegetarian"), List.of("peanuts"), Locale.forLanguageTag("es"), Persona.FITNESS_COACH,
        PreferredMode.VOICE, Optional.of("marin"), weeklyCheckInOptIn, T0);
  }

  public static WorkoutLog workout(UserId userId, LocalDate date) {
    return new WorkoutLog(TestIds.workout(), userId, date, "Upper body", 45, Optional.of(7),
        List.of(new LoggedExercise("Dumbbell bench press", 3, 10, Optional.of(14.0))), Optional.of("felt good"), T0);
  }

  public static NutritionDay nutritionDay(UserId userId, LocalDate date, int adherencePercent) {
    return new NutritionDay(userId, date, 2_000, 120, 220, 70, adherencePercent, Optional.empty(), T0);
  }

  public static ProgressMeasurement weight(UserId userId, double kg, Instant at) {
    return new ProgressMeasurement(TestIds.measurement(), userId, "weight", kg, "kg", at);
  }

  public static Goal goal(UserId userId, String description, Instant createdAt) {
    return new Goal(TestIds.goal(), userId, description, Optional.of("weight"), Optional.of(60.0), Optional.of("kg"),
        Optional.of(MONDAY.plusMonths(3)), GoalStatus.ACTIVE, createdAt, createdAt);
  }

  public static CheckInSummary checkIn(UserId userId, LocalDate periodStart, Instant createdAt) {
    return new CheckInSummary(TestIds.checkIn(), userId, periodStart, periodStart.plusDays(6), Optional.of(80),
        List.of("three workouts"), List.of("late dinners"), List.of("morning sessions"), Optional.of("good"),
        Optional.of("tired on Friday"), List.of("more protein?"), createdAt);
  }
}
