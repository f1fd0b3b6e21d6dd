package dev.coachkit.adapter.persistence;

import dev.coachkit.adapter.persistence.internal.CheckInJpaEntity;
import dev.coachkit.adapter.persistence.internal.CheckInJpaRepository;
import dev.coachkit.adapter.persistence.internal.CoachDataMapper;
import dev.coachkit.adapter.persistence.internal.CoachProfileJpaEntity;
import dev.coachkit.adapter.persistence.internal.CoachProfileJpaRepository;
import dev.coachkit.adapter.persistence.internal.GoalJpaEntity;
import dev.coachkit.adapter.persistence.internal.GoalJpaRepository;
import dev.coachkit.adapter.persistence.internal.Jdbc;
import dev.coachkit.adapter.persistence.internal.JsonRows;
import dev.coachkit.adapter.persistence.internal.MeasurementJpaEntity;
import dev.coachkit.adapter.persistence.internal.MeasurementJpaRepository;
import dev.coachkit.adapter.persistence.internal.NamedSql;
import dev.coachkit.adapter.persistence.internal.NutritionDayJpaEntity;
import dev.coachkit.adapter.persistence.internal.NutritionDayJpaRepository;
import dev.coachkit.adapter.persistence.internal.PlanJpaEntity;
import dev.coachkit.adapter.persistence.internal.PlanMapper;
import dev.coachkit.adapter.persistence.internal.WorkoutJpaEntity;
import dev.coachkit.adapter.persistence.internal.WorkoutJpaRepository;
import dev.coachkit.ports.model.coaching.CheckInSummary;
import dev.coachkit.ports.model.coaching.CoachData;
import dev.coachkit.ports.model.coaching.CoachDataWindow;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.coaching.Goal;
import dev.coachkit.ports.model.coaching.NutritionDay;
import dev.coachkit.ports.model.coaching.ProgressMeasurement;
import dev.coachkit.ports.model.coaching.RecentCoachData;
import dev.coachkit.ports.model.coaching.WorkoutLog;
import dev.coachkit.ports.model.common.GoalId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.common.IdGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link CoachDataStore} on PostgreSQL; every method is one transaction. {@link #recent}, read on every chat turn,
 * is one autocommit statement when the caller has no transaction (ADR-0013), and brings the plans in force with
 * it: the turn's whole coach knowledge is one round trip.
 */
@ApplicationScoped
@Transactional
public class PanacheCoachDataRepository implements CoachDataStore {
  /**
   * {@link #recent}: the profile, the windows of workouts, nutrition days and measurements, the active goals, the
   * latest check-in and the plans in force, each as JSON in its own column, with the orders of the single reads
   * (the plans are put in kind order after mapping, as {@link PanachePlanRepository#activePlans} does). Columns
   * whose names differ from the entity fields are renamed; the workouts' jsonb exercises and the plans' jsonb
   * bodies stay JSON text, as the entities hold them. The plans read uses the partial unique index of one ACTIVE
   * plan per user and kind.
   */
  static final String RECENT_SQL = "SELECT " + recentColumns();

  /** {@link #RECENT_SQL}'s seven columns, to be selected with other columns (ADR-0026). */
  static String recentColumns() {
    return recentColumns(true);
  }

  /**
   * {@link #recentColumns()}, or with {@code toWindowEnd} false the same columns with the workouts, nutrition days
   * and measurements from the window's start on, also those after its end (ADR-0028: a read that serves later
   * windows too).
   */
  static String recentColumns(boolean toWindowEnd) {
    return "(SELECT row_to_json(p)::text FROM coach_profiles p WHERE p.user_id = :user),"
      + " (SELECT json_agg(w ORDER BY w.date, w.recorded_at, w.id)::text FROM (SELECT id, user_id,"
      + " workout_date AS date, activity, duration_minutes, perceived_exertion, exercises::text AS exercises, notes,"
      + " recorded_at FROM workouts WHERE user_id = :user AND workout_date >= :workoutsFrom"
      + (toWindowEnd ? " AND workout_date <= :through" : "") + ") w),"
      + " (SELECT json_agg(n ORDER BY n.date)::text FROM (SELECT id, user_id, nutrition_date AS date, calories,"
      + " protein_g, carbs_g, fat_g, adherence_percent, notes, recorded_at FROM nutrition_days WHERE user_id = :user"
      + " AND nutrition_date >= :nutritionFrom" + (toWindowEnd ? " AND nutrition_date <= :through" : "") + ") n),"
      + " (SELECT json_agg(m ORDER BY m.measured_at, m.id)::text FROM progress_measurements m WHERE m.user_id = :user"
      + " AND m.measured_at >= :measuredFrom" + (toWindowEnd ? " AND m.measured_at < :measuredBefore" : "") + "),"
      + " (SELECT json_agg(g ORDER BY g.created_at, g.id)::text FROM goals g WHERE g.user_id = :user"
      + " AND g.status = 'ACTIVE'),"
      + " (SELECT row_to_json(c)::text FROM check_ins c WHERE c.user_id = :user"
      + " ORDER BY c.period_end DESC, c.created_at DESC, c.id DESC LIMIT 1),"
      + " (SELECT json_agg(pl)::text FROM (SELECT id, user_id, kind, version, status, source_conversation_id,"
      + " body::text AS body, created_at FROM plans WHERE user_id = :user AND status = 'ACTIVE') pl)";
  }

  private final CoachProfileJpaRepository profiles;
  private final WorkoutJpaRepository workouts;
  private final NutritionDayJpaRepository nutritionDays;
  private final MeasurementJpaRepository measurements;
  private final GoalJpaRepository goals;
  private final CheckInJpaRepository checkIns;
  private static final NamedSql RECENT = NamedSql.of(RECENT_SQL);
  /** Ids of the rows this adapter makes itself (nutrition days): time-ordered, as every key (ADR-0016). */
  private static final IdGenerator IDS = IdGenerator.timeOrdered();

  private final CoachDataMapper mapper;
  private final PlanMapper planMapper;
  private final DataSource dataSource;

  PanacheCoachDataRepository(
      CoachProfileJpaRepository profiles,
      WorkoutJpaRepository workouts,
      NutritionDayJpaRepository nutritionDays,
      MeasurementJpaRepository measurements,
      GoalJpaRepository goals,
      CheckInJpaRepository checkIns,
      CoachDataMapper mapper,
      PlanMapper planMapper,
      DataSource dataSource) {
    this.profiles = profiles;
    this.workouts = workouts;
    this.nutritionDays = nutritionDays;
    this.measurements = measurements;
    this.goals = goals;
    this.checkIns = checkIns;
    this.mapper = mapper;
    this.planMapper = planMapper;
    this.dataSource = dataSource;
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
        .orElseGet(IDS::next);
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
  @Transactional(TxType.SUPPORTS)
  public RecentCoachData recent(UserId userId, CoachDataWindow window) {
    // One statement, one round trip: each kind of record comes back as JSON (PostgreSQL renders the rows), read
    // into the entities and mapped as every other read is. Plain JDBC, one autocommit statement or in the caller's
    // transaction: no Hibernate session for a statement that loads no managed entity (see Jdbc).
    NamedSql.Params params = recentParams(new NamedSql.Params(), userId, window);
    return Jdbc.run(dataSource, RECENT.sql(), statement -> params.bind(RECENT, statement), statement -> {
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return readRecent(result, 1, mapper, planMapper);
      }
    });
  }

  /** The parameters of {@link #recentColumns}. */
  static NamedSql.Params recentParams(NamedSql.Params params, UserId userId, CoachDataWindow window) {
    return params
        .text("user", userId.value())
        .date("workoutsFrom", window.workoutsFrom())
        .date("nutritionFrom", window.nutritionFrom())
        .date("through", window.through())
        .instant("measuredFrom", window.measuredFrom())
        .instant("measuredBefore", window.measuredBefore());
  }

  /** The seven columns of {@link #recentColumns}, from column {@code first} of the current row. */
  static RecentCoachData readRecent(ResultSet row, int first, CoachDataMapper mapper, PlanMapper planMapper)
      throws SQLException {
    String[] columns = new String[7];
    for (int column = 0; column < columns.length; column++) {
      columns[column] = row.getString(first + column);
    }
    return new RecentCoachData(
        JsonRows.one(columns[0], CoachProfileJpaEntity.class).map(mapper::toModel),
        JsonRows.list(columns[1], WorkoutJpaEntity.class).stream().map(mapper::toModel).toList(),
        JsonRows.list(columns[2], NutritionDayJpaEntity.class).stream().map(mapper::toModel).toList(),
        JsonRows.list(columns[3], MeasurementJpaEntity.class).stream().map(mapper::toModel).toList(),
        JsonRows.list(columns[4], GoalJpaEntity.class).stream().map(mapper::toModel).toList(),
        JsonRows.one(columns[5], CheckInJpaEntity.class).map(mapper::toModel),
        PanachePlanRepository.inForce(JsonRows.list(columns[6], PlanJpaEntity.class), planMapper));
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
