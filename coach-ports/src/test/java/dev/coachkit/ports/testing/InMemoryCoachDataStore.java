package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.coaching.CheckInSummary;
import dev.coachkit.ports.model.coaching.CoachData;
import dev.coachkit.ports.model.coaching.CoachDataWindow;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.coaching.Goal;
import dev.coachkit.ports.model.coaching.GoalStatus;
import dev.coachkit.ports.model.coaching.NutritionDay;
import dev.coachkit.ports.model.coaching.ProgressMeasurement;
import dev.coachkit.ports.model.coaching.RecentCoachData;
import dev.coachkit.ports.model.coaching.WorkoutLog;
import dev.coachkit.ports.model.common.GoalId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.plan.PlanStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * In-memory {@link CoachDataStore}; thread-safe by one lock. {@link #recent} answers the plans in force from the
 * {@link PlanStore} it is given, as a database adapter reads them from the same database.
 */
public final class InMemoryCoachDataStore implements CoachDataStore {
  private final PlanStore plans;
  private final Map<UserId, CoachProfile> profiles = new HashMap<>();
  private final Map<Object, WorkoutLog> workouts = new LinkedHashMap<>();
  private final Map<String, NutritionDay> nutritionDays = new LinkedHashMap<>();
  private final Map<Object, ProgressMeasurement> measurements = new LinkedHashMap<>();
  private final Map<Object, Goal> goals = new LinkedHashMap<>();
  private final Map<Object, CheckInSummary> checkIns = new LinkedHashMap<>();

  /** A store whose users have no plans: it sees an empty plan store of its own. */
  public InMemoryCoachDataStore() {
    this(new InMemoryPlanStore());
  }

  /** A store whose {@link #recent} reads the plans in force from {@code plans}. */
  public InMemoryCoachDataStore(PlanStore plans) {
    this.plans = Objects.requireNonNull(plans, "plans must not be null");
  }

  @Override
  public synchronized Optional<CoachProfile> findProfile(UserId userId) {
    return Optional.ofNullable(profiles.get(userId));
  }

  @Override
  public synchronized void saveProfile(CoachProfile profile) {
    profiles.put(profile.userId(), profile);
  }

  @Override
  public synchronized void saveWorkout(WorkoutLog workout) {
    upsert(workouts, workout.id(), workout, WorkoutLog::userId);
  }

  @Override
  public synchronized List<WorkoutLog> workouts(UserId userId, LocalDate from, LocalDate to) {
    return workouts.values().stream()
        .filter(w -> w.userId().equals(userId) && !w.date().isBefore(from) && !w.date().isAfter(to))
        .sorted(Comparator.comparing(WorkoutLog::date).thenComparing(WorkoutLog::recordedAt))
        .toList();
  }

  @Override
  public synchronized void saveNutritionDay(NutritionDay day) {
    nutritionDays.put(day.userId().value() + "\n" + day.date(), day);
  }

  @Override
  public synchronized List<NutritionDay> nutritionDays(UserId userId, LocalDate from, LocalDate to) {
    return nutritionDays.values().stream()
        .filter(d -> d.userId().equals(userId) && !d.date().isBefore(from) && !d.date().isAfter(to))
        .sorted(Comparator.comparing(NutritionDay::date))
        .toList();
  }

  @Override
  public synchronized void saveMeasurement(ProgressMeasurement measurement) {
    upsert(measurements, measurement.id(), measurement, ProgressMeasurement::userId);
  }

  @Override
  public synchronized List<ProgressMeasurement> measurements(UserId userId, Instant from, Instant to) {
    return measurements.values().stream()
        .filter(m -> m.userId().equals(userId) && !m.measuredAt().isBefore(from) && m.measuredAt().isBefore(to))
        .sorted(Comparator.comparing(ProgressMeasurement::measuredAt))
        .toList();
  }

  @Override
  public synchronized void saveGoal(Goal goal) {
    upsert(goals, goal.id(), goal, Goal::userId);
  }

  @Override
  public synchronized Optional<Goal> findGoal(UserId userId, GoalId goalId) {
    return Optional.ofNullable(goals.get(goalId)).filter(g -> g.userId().equals(userId));
  }

  @Override
  public synchronized List<Goal> goals(UserId userId) {
    return goals.values().stream()
        .filter(g -> g.userId().equals(userId))
        .sorted(Comparator.comparing(Goal::createdAt))
        .toList();
  }

  @Override
  public synchronized void saveCheckIn(CheckInSummary summary) {
    upsert(checkIns, summary.id(), summary, CheckInSummary::userId);
  }

  @Override
  public synchronized Optional<CheckInSummary> latestCheckIn(UserId userId) {
    return checkIns.values().stream()
        .filter(c -> c.userId().equals(userId))
        .max(Comparator.comparing(CheckInSummary::periodEnd).thenComparing(CheckInSummary::createdAt));
  }

  @Override
  public synchronized RecentCoachData recent(UserId userId, CoachDataWindow window) {
    return new RecentCoachData(
        findProfile(userId),
        workouts(userId, window.workoutsFrom(), window.through()),
        nutritionDays(userId, window.nutritionFrom(), window.through()),
        measurements(userId, window.measuredFrom(), window.measuredBefore()),
        goals(userId).stream().filter(g -> g.status() == GoalStatus.ACTIVE).toList(),
        latestCheckIn(userId),
        plans.activePlans(userId));
  }

  @Override
  public synchronized List<UserId> usersOptedIntoCheckIn(Optional<UserId> after, int limit) {
    Require.inRange(limit, "limit", 1, 1_000);
    return profiles.values().stream()
        .filter(CoachProfile::weeklyCheckInOptIn)
        .map(CoachProfile::userId)
        .filter(u -> after.isEmpty() || u.value().compareTo(after.get().value()) > 0)
        .sorted(Comparator.comparing(UserId::value))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized CoachData exportAllOf(UserId userId) {
    return new CoachData(
        findProfile(userId),
        workouts(userId, LocalDate.MIN, LocalDate.MAX),
        nutritionDays(userId, LocalDate.MIN, LocalDate.MAX),
        measurements(userId, Instant.MIN, Instant.MAX),
        goals(userId),
        checkIns.values().stream()
            .filter(c -> c.userId().equals(userId))
            .sorted(Comparator.comparing(CheckInSummary::periodStart))
            .toList());
  }

  @Override
  public synchronized void deleteAllOf(UserId userId) {
    profiles.remove(userId);
    workouts.values().removeIf(w -> w.userId().equals(userId));
    nutritionDays.values().removeIf(d -> d.userId().equals(userId));
    measurements.values().removeIf(m -> m.userId().equals(userId));
    goals.values().removeIf(g -> g.userId().equals(userId));
    checkIns.values().removeIf(c -> c.userId().equals(userId));
  }

  private static <T> void upsert(Map<Object, T> map, Object id, T value, Function<T, UserId> owner) {
    T existing = map.get(id);
    if (existing != null && !owner.apply(existing).equals(owner.apply(value))) {
      throw new IllegalArgumentException("id " + id + " belongs to another user");
    }
    map.put(id, value);
  }
}
