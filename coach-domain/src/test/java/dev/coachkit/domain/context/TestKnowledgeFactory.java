package dev.coachkit.domain.context;

import dev.coachkit.ports.model.coaching.CoachKnowledge;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.coaching.LoggedExercise;
import dev.coachkit.ports.model.coaching.WorkoutLog;
import dev.coachkit.ports.model.common.PlanId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.WorkoutId;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.PlanBody;
import dev.coachkit.ports.model.plan.PlanStatus;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestPlanFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Fixtures: what the coach knows about a user, fixed so that golden files stay stable. */
public final class TestKnowledgeFactory {
  public static final Instant AS_OF = Instant.parse("2026-01-05T09:00:00Z");
  public static final LocalDate TODAY = LocalDate.of(2026, 1, 5);

  private TestKnowledgeFactory() {}

  /** Ana (Spanish, fitness coach persona) with a week of data, goals, a check-in and two active plans. */
  public static CoachKnowledge full(UserId userId) {
    return new CoachKnowledge(userId, AS_OF, Optional.of(TestCoachDataFactory.profile(userId)),
        List.of(
            TestCoachDataFactory.workout(userId, TODAY.minusDays(1)),
            new WorkoutLog(WorkoutId.of(new UUID(0, 2)), userId, TODAY.minusDays(3), "Easy run", 30, Optional.of(6),
                List.of(), Optional.empty(), AS_OF),
            new WorkoutLog(WorkoutId.of(new UUID(0, 3)), userId, TODAY.minusDays(16), "Old session", 60,
                Optional.empty(), List.of(new LoggedExercise("Squat", 5, 5, Optional.of(60.0))), Optional.empty(),
                AS_OF)),
        List.of(
            TestCoachDataFactory.nutritionDay(userId, TODAY.minusDays(2), 80),
            TestCoachDataFactory.nutritionDay(userId, TODAY.minusDays(1), 65)),
        List.of(
            TestCoachDataFactory.weight(userId, 66.0, Instant.parse("2025-12-10T08:00:00Z")),
            TestCoachDataFactory.weight(userId, 65.2, Instant.parse("2025-12-24T08:00:00Z")),
            TestCoachDataFactory.weight(userId, 64.5, Instant.parse("2026-01-04T08:00:00Z"))),
        List.of(TestCoachDataFactory.goal(userId, "Lose 4 kg before spring", Instant.parse("2025-12-01T10:00:00Z"))),
        Optional.of(TestCoachDataFactory.checkIn(userId, LocalDate.of(2025, 12, 29), AS_OF)),
        List.of(
            plan(userId, TestPlanFactory.workoutPlan(), 2),
            plan(userId, TestPlanFactory.nutritionPlan(), 1)));
  }

  /** Nothing known yet: no profile, no data. */
  public static CoachKnowledge empty(UserId userId) {
    return new CoachKnowledge(userId, AS_OF, Optional.empty(), List.of(), List.of(), List.of(), List.of(),
        Optional.empty(), List.of());
  }

  /** Only a profile. */
  public static CoachKnowledge withProfile(CoachProfile profile) {
    return new CoachKnowledge(profile.userId(), AS_OF, Optional.of(profile), List.of(), List.of(), List.of(),
        List.of(), Optional.empty(), List.of());
  }

  public static Plan plan(UserId userId, PlanBody body, int version) {
    return new Plan(PlanId.of(new UUID(1, version)), userId, body.kind(), version, PlanStatus.ACTIVE,
        Optional.empty(), body, Instant.parse("2026-01-01T12:00:00Z"));
  }
}
