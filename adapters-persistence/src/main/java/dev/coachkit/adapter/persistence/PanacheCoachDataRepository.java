package dev.coachkit.adapter.persistence;

import dev.coachkit.adapter.persistence.internal.CheckInJpaEntity;
import dev.coachkit.adapter.persistence.internal.CheckInJpaRepository;
import dev.coachkit.adapter.persistence.internal.CoachDataMapper;
import dev.coachkit.adapter.persistence.internal.CoachProfileJpaRepository;
import dev.coachkit.adapter.persistence.internal.GoalJpaEntity;
import dev.coachkit.adapter.persistence.internal.GoalJpaRepository;
import dev.coachkit.adapter.persistence.internal.MeasurementJpaEntity;
import dev.coachkit.adapter.persistence.internal.MeasurementJpaRepository;
import dev.coachkit.adapter.persistence.internal.NutritionDayJpaEntity;
import dev.coachkit.adapter.persistence.internal.NutritionDayJpaRepository;
import dev.coachkit.adapter.persistence.internal.WorkoutJpaEntity;
import dev.coachkit.adapter.persistence.internal.WorkoutJpaRepository;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link CoachDataStore} on PostgreSQL; every method is one transaction. */
@ApplicationScoped
@Transactional
public class PanacheCoachDataRepository implements CoachDataStore {
  private final CoachProfileJpaRepository profiles;
  private final WorkoutJpaRepository workouts;
  private final NutritionDayJpaRepository nutritionDays;
  private final MeasurementJpaRepository measurements;
  private final GoalJpaRepository goals;
  private final CheckInJpaRepository checkIns;
  private final CoachDataMapper mapper;

  PanacheCoachDataRepository(
      CoachProfileJpaRepository profiles,
      WorkoutJpaRepository workouts,
      NutritionDayJpaRepository nutritionDays,
      MeasurementJpaRepository measurements,
      GoalJpaRepository goals,
      CheckInJpaRepository checkIns,
      CoachDataMapper mapper) {
    this.profiles = profiles;
    this.workouts = workouts;
    this.nutritionDays = nutritionDays;
    this.measurements = measurements;
    this.goals = goals;
    this.checkIns = checkIns;
    this.mapper = mapper;
  }

  @Override
  public Optional<CoachProfile> findProfile(UserId userId) {
    return profiles.findByIdOptional(userId.value()).map(mapper::toModel);
  }

  @Override
  public void saveProfile(CoachProfile profile) {
    profiles.getEntityManager().merge(mapper.toEntity(profile));
  }

  @Override
  public void saveWorkout(WorkoutLog workout) {
    WorkoutJpaEntity existing = workouts.findById(workout.id().value());
    Owners.requireSameOwner(existing == null ? null : existing.userId, workout.userId(), "workout");
    workouts.getEntityManager().merge(mapper.toEntity(workout));
  }

  @Override
  public List<WorkoutLog> workouts(UserId userId, LocalDate from, LocalDate to) {
    return workouts
        .find("from WorkoutJpaEntity w where w.userId = ?1 and w.date >= ?2 and w.date <= ?3"
            + " order by w.date, w.recordedAt, w.id", userId.value(), from, to)
        .stream()
        .map(mapper::toModel)
        .toList();
  }

  @Override
  public void saveNutritionDay(NutritionDay day) {
    NutritionDayJpaEntity entity = mapper.toEntity(day);
    entity.id = nutritionDays
        .find("from NutritionDayJpaEntity n where n.userId = ?1 and n.date = ?2", day.userId().value(), day.date())
        .firstResultOptional()
        .map(existing -> existing.id)
        .orElseGet(UUID::randomUUID);
    nutritionDays.getEntityManager().merge(entity);
  }

  @Override
  public List<NutritionDay> nutritionDays(UserId userId, LocalDate from, LocalDate to) {
    return nutritionDays
        .find("from NutritionDayJpaEntity n where n.userId = ?1 and n.date >= ?2 and n.date <= ?3 order by n.date",
            userId.value(), from, to)
        .stream()
        .map(mapper::toModel)
        .toList();
  }

  @Override
  public void saveMeasurement(ProgressMeasurement measurement) {
    MeasurementJpaEntity existing = measurements.findById(measurement.id().value());
    Owners.requireSameOwner(existing == null ? null : existing.userId, measurement.userId(), "measurement");
    measurements.getEntityManager().merge(mapper.toEntity(measurement));
  }

  @Override
  public List<ProgressMeasurement> measurements(UserId userId, Instant from, Instant to) {
    return measurements
        .find("from MeasurementJpaEntity m where m.userId = ?1 and m.measuredAt >= ?2 and m.measuredAt < ?3"
            + " order by m.measuredAt, m.id", userId.value(), from, to)
        .stream()
        .map(mapper::toModel)
        .toList();
  }

  @Override
  public void saveGoal(Goal goal) {
    GoalJpaEntity existing = goals.findById(goal.id().value());
    Owners.requireSameOwner(existing == null ? null : existing.userId, goal.userId(), "goal");
    goals.getEntityManager().merge(mapper.toEntity(goal));
  }

  @Override
  public Optional<Goal> findGoal(UserId userId, GoalId goalId) {
    return goals.find("id = ?1 and userId = ?2", goalId.value(), userId.value())
        .firstResultOptional()
        .map(mapper::toModel);
  }

  @Override
  public List<Goal> goals(UserId userId) {
    return goals.find("from GoalJpaEntity g where g.userId = ?1 order by g.createdAt, g.id", userId.value())
        .stream()
        .map(mapper::toModel)
        .toList();
  }

  @Override
  public void saveCheckIn(CheckInSummary summary) {
    CheckInJpaEntity existing = checkIns.findById(summary.id().value());
    Owners.requireSameOwner(existing == null ? null : existing.userId, summary.userId(), "check-in");
    checkIns.getEntityManager().merge(mapper.toEntity(summary));
  }

  @Override
  public Optional<CheckInSummary> latestCheckIn(UserId userId) {
    return checkIns
        .find("from CheckInJpaEntity c where c.userId = ?1 order by c.periodEnd desc, c.createdAt desc, c.id desc",
            userId.value())
        .firstResultOptional()
        .map(mapper::toModel);
  }

  @Override
  public RecentCoachData recent(UserId userId, CoachDataWindow window) {
    // One transaction, one statement per kind of record, nothing to flush at commit.
    ReadOnly.session(profiles.getEntityManager());
    return new RecentCoachData(
        findProfile(userId),
        workouts(userId, window.workoutsFrom(), window.through()),
        nutritionDays(userId, window.nutritionFrom(), window.through()),
        measurements(userId, window.measuredFrom(), window.measuredBefore()),
        goals.find("from GoalJpaEntity g where g.userId = ?1 and g.status = ?2 order by g.createdAt, g.id",
                userId.value(), GoalStatus.ACTIVE)
            .list()
            .stream()
            .map(mapper::toModel)
            .toList(),
        latestCheckIn(userId));
  }

  @Override
  public List<UserId> usersOptedIntoCheckIn(Optional<UserId> after, int limit) {
    Require.inRange(limit, "limit", 1, 1_000);
    // user_id has the "C" collation: this order is the code-point order of the ids.
    return profiles.getEntityManager()
        .createQuery("select p.userId from CoachProfileJpaEntity p where p.weeklyCheckInOptIn = true"
            + " and p.userId > ?1 order by p.userId", String.class)
        .setParameter(1, after.map(UserId::value).orElse(""))
        .setMaxResults(limit)
        .getResultStream()
        .map(UserId::of)
        .toList();
  }

  @Override
  public CoachData exportAllOf(UserId userId) {
    String user = userId.value();
    return new CoachData(
        findProfile(userId),
        workouts.find("from WorkoutJpaEntity w where w.userId = ?1 order by w.date, w.recordedAt, w.id", user)
            .stream().map(mapper::toModel).toList(),
        nutritionDays.find("from NutritionDayJpaEntity n where n.userId = ?1 order by n.date", user)
            .stream().map(mapper::toModel).toList(),
        measurements.find("from MeasurementJpaEntity m where m.userId = ?1 order by m.measuredAt, m.id", user)
            .stream().map(mapper::toModel).toList(),
        goals(userId),
        checkIns.find("from CheckInJpaEntity c where c.userId = ?1 order by c.periodStart, c.createdAt, c.id", user)
            .stream().map(mapper::toModel).toList());
  }

  @Override
  public void deleteAllOf(UserId userId) {
    String user = userId.value();
    workouts.delete("userId", user);
    nutritionDays.delete("userId", user);
    measurements.delete("userId", user);
    goals.delete("userId", user);
    checkIns.delete("userId", user);
    profiles.delete("userId", user);
  }
}
