package dev.coachkit.adapter.persistence;

import static dev.coachkit.ports.testing.TestConversationFactory.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.arjuna.coordinator.TxStats;
import dev.coachkit.adapter.persistence.internal.CoachDataCache;
import dev.coachkit.adapter.persistence.internal.CoachDataMapper;
import dev.coachkit.adapter.persistence.internal.Jdbc;
import dev.coachkit.adapter.persistence.internal.PlanMapper;
import dev.coachkit.ports.model.coaching.CoachDataWindow;
import dev.coachkit.ports.model.coaching.NutritionDay;
import dev.coachkit.ports.model.coaching.ProgressMeasurement;
import dev.coachkit.ports.model.coaching.RecentCoachData;
import dev.coachkit.ports.model.coaching.WorkoutLog;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.TurnStartData;
import dev.coachkit.ports.model.usage.UsageTally;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.conversation.TurnStartReads;
import dev.coachkit.ports.out.plan.PlanStore;
import dev.coachkit.ports.out.usage.UsageLedger;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestIds;
import dev.coachkit.ports.testing.TestPlanFactory;
import dev.coachkit.ports.testing.TestUsageEntryFactory;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The reads that open a chat turn, in one statement (ADR-0026): the same answers as {@link CoachDataStore#recent}
 * and {@link UsageLedger#tally}, also while ledger entries are pending in the writer (ADR-0025).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class PanacheTurnStartRepositoryTest {
  private static final LocalDate DAY = LocalDate.of(2026, 1, 5);
  private static final CoachDataWindow WINDOW =
      new CoachDataWindow(DAY.minusDays(7), DAY.minusDays(7), DAY, T0.minusSeconds(86_400 * 30L), T0.plusSeconds(60));

  @Inject TurnStartReads reads;
  @Inject CoachDataStore coachData;
  @Inject PlanStore plans;
  @Inject UsageLedger ledger;
  @Inject CoachDataMapper mapper;
  @Inject PlanMapper planMapper;
  @Inject DataSource dataSource;
  @Inject AgroalDataSource pool;

  @Test
  void givenCoachDataPlansAndUsage_read_answersAsTheTwoReadsInOneAutocommitStatement() {
    UserId alice = TestIds.user();
    UserId bob = TestIds.user();
    for (UserId user : new UserId[] {alice, bob}) {
      coachData.saveProfile(TestCoachDataFactory.profile(user));
      coachData.saveWorkout(TestCoachDataFactory.workout(user, DAY));
      coachData.saveGoal(TestCoachDataFactory.goal(user, "Run 5 km", T0));
      plans.saveNewVersion(TestPlanFactory.newWorkoutPlan(user, T0));
    }
    ledger.record(entry(alice, 100, T0.minusSeconds(3_600)));
    ledger.record(entry(alice, 200, T0.plusSeconds(1)));
    ledger.record(entry(bob, 400, T0.plusSeconds(2)));
    // Waits until the writer has written every pending entry, so that it takes no connection during the read.
    assertThat(ledger.entriesOf(alice)).hasSize(2);
    Instant costSince = T0.minusSeconds(7_200);
    Instant responsesSince = T0;
    TurnStartData expected = new TurnStartData(coachData.recent(alice, WINDOW),
        ledger.tally(alice, costSince, responsesSince));
    assertThat(expected.usage()).isEqualTo(new UsageTally(300, 1));
    assertThat(expected.coachData().activePlans()).hasSize(1);

    long transactionsBefore = transactions();
    pool.getConfiguration().setMetricsEnabled(true);
    try {
      pool.getMetrics().reset();

      TurnStartData read = reads.read(alice, WINDOW, costSince, responsesSince);

      assertThat(pool.getMetrics().acquireCount()).as("connections taken").isEqualTo(1);
      assertThat(transactions() - transactionsBefore).as("JTA transactions").isZero();
      assertThat(read).isEqualTo(expected);
    } finally {
      pool.getConfiguration().setMetricsEnabled(false);
    }
  }

  @Test
  void givenAUserWithNothingStored_read_answersEmptyDataAndAZeroTally() {
    UserId nobody = TestIds.user();

    TurnStartData read = reads.read(nobody, WINDOW, T0, T0);

    assertThat(read).isEqualTo(new TurnStartData(coachData.recent(nobody, WINDOW), new UsageTally(0, 0)));
    assertThat(read.coachData().profile()).isEmpty();
  }

  @Test
  void givenEntriesPendingAndThenWritten_read_countsEachOnce() {
    UsageEntryWriter writer = new UsageEntryWriter(dataSource, Duration.ofHours(1));
    PanacheUsageEntryRepository batched =
        new PanacheUsageEntryRepository(null, null, dataSource, writer);
    PanacheTurnStartRepository turnStart =
        new PanacheTurnStartRepository(mapper, planMapper, dataSource, writer, new CoachDataCache(10));
    try {
      UserId alice = TestIds.user();
      batched.record(entry(alice, 100, T0));
      batched.record(entry(alice, 50, T0.plusSeconds(30)));
      coachData.saveProfile(TestCoachDataFactory.profile(alice));

      TurnStartData pending = turnStart.read(alice, WINDOW, T0, T0.plusSeconds(10));
      assertThat(Sql.count(dataSource, "SELECT count(*) FROM usage_entries WHERE user_id = ?", alice.value()))
          .isZero();
      writer.flush(Duration.ofSeconds(10));
      TurnStartData written = turnStart.read(alice, WINDOW, T0, T0.plusSeconds(10));

      assertThat(pending.usage()).isEqualTo(new UsageTally(150, 1));
      assertThat(written.usage()).isEqualTo(new UsageTally(150, 1));
      assertThat(pending.coachData()).isEqualTo(coachData.recent(alice, WINDOW));
    } finally {
      writer.close();
    }
  }

  @Test
  void givenAPendingEntry_theRepeatedRead_keepsOneGenericPlan() throws Exception {
    // Each turn of a user with a pending entry runs this form of the read. With the pending ids in an array parameter
    // PostgreSQL planned the whole statement anew on every execution; with plain parameters it settles on one
    // generic plan after five custom ones (pgjdbc prepares the statement on the server from its fifth use). Both
    // forms: with the coach data (no cache: every read) and with only its version (the cache's reads, ADR-0028).
    UsageEntryWriter writer = new UsageEntryWriter(dataSource, Duration.ofHours(1));
    UserId alice = TestIds.user();
    try (Connection connection = dataSource.getConnection()) {
      writer.add(entry(alice, 100, T0));
      for (CoachDataCache cache : new CoachDataCache[] {null, new CoachDataCache(10)}) {
        PanacheTurnStartRepository turnStart =
            new PanacheTurnStartRepository(mapper, planMapper, OneConnection.dataSource(connection), writer, cache);
        for (int i = 0; i < 20; i++) {
          assertThat(turnStart.read(alice, WINDOW, T0, T0).usage()).isEqualTo(new UsageTally(100, 1));
        }
      }

      try (Statement s = connection.createStatement();
          ResultSet plans = s.executeQuery("SELECT statement LIKE '%FROM coach_profiles%', generic_plans,"
              + " custom_plans FROM pg_prepared_statements WHERE statement LIKE '%FROM usage_entries WHERE id IN%'"
              + " ORDER BY 1")) {
        for (boolean withCoachData : new boolean[] {false, true}) {
          assertThat(plans.next()).as("prepared with coach data: " + withCoachData).isTrue();
          assertThat(plans.getBoolean(1)).isEqualTo(withCoachData);
          assertThat(plans.getLong(3)).as("custom plans").isPositive();
          assertThat(plans.getLong(2)).as("generic plans").isGreaterThanOrEqualTo(5);
        }
      }
    } finally {
      writer.close();
    }
  }

  @Test
  void afterEveryKindOfCoachDataWrite_theNextRead_answersTheDataAsWritten() {
    UserId alice = TestIds.user();
    PanacheTurnStartRepository turnStart = cached(dataSource);
    List<Runnable> writes = List.of(
        () -> coachData.saveProfile(TestCoachDataFactory.profile(alice)),
        () -> coachData.saveProfile(TestCoachDataFactory.profile(alice, false)),
        () -> coachData.saveWorkout(TestCoachDataFactory.workout(alice, DAY)),
        () -> coachData.saveNutritionDay(TestCoachDataFactory.nutritionDay(alice, DAY, 80)),
        () -> coachData.saveNutritionDay(TestCoachDataFactory.nutritionDay(alice, DAY, 90)),
        () -> coachData.saveMeasurement(TestCoachDataFactory.weight(alice, 70.0, T0)),
        () -> coachData.saveGoal(TestCoachDataFactory.goal(alice, "Run 5 km", T0)),
        () -> coachData.saveCheckIn(TestCoachDataFactory.checkIn(alice, DAY, T0)),
        () -> plans.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, T0)),
        () -> plans.saveNewVersion(TestPlanFactory.newNutritionPlan(alice, T0)),
        () -> plans.deleteAllOf(alice),
        () -> coachData.deleteAllOf(alice));
    RecentCoachData previous = turnStart.read(alice, WINDOW, T0, T0).coachData();

    for (Runnable write : writes) {
      write.run();
      RecentCoachData asWritten = coachData.recent(alice, WINDOW);
      assertThat(asWritten).as("each write changes the data").isNotEqualTo(previous);

      assertThat(turnStart.read(alice, WINDOW, T0, T0).coachData()).isEqualTo(asWritten);
      previous = asWritten;
    }
    assertThat(Sql.count(dataSource, "SELECT count(*) FROM coach_data_versions WHERE user_id = ?", alice.value()))
        .as("no version left of a user without coach data").isZero();
  }

  @Test
  void givenTheSameVersion_read_answersTheCachedDataWithoutReadingIt() throws Exception {
    // A row changed behind the triggers' back (session_replication_role = replica fires no trigger) shows only when
    // the version changes: the reads in between answer what the cache has.
    UserId alice = TestIds.user();
    coachData.saveGoal(TestCoachDataFactory.goal(alice, "Run 5 km", T0));
    List<String> statements = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      PanacheTurnStartRepository turnStart = cached(OneConnection.dataSource(connection, statements));
      RecentCoachData first = turnStart.read(alice, WINDOW, T0, T0).coachData();
      try (Statement s = connection.createStatement()) {
        s.execute("SET session_replication_role = replica");
        s.execute("UPDATE goals SET description = 'Run 10 km' WHERE user_id = '" + alice.value() + "'");
        s.execute("RESET session_replication_role");
      }
      statements.clear();

      RecentCoachData cachedRead = turnStart.read(alice, WINDOW, T0, T0).coachData();
      List<String> cachedStatements = List.copyOf(statements);
      try (PreparedStatement bump = connection.prepareStatement("SELECT coach_data_bump(?)")) {
        bump.setString(1, alice.value());
        bump.execute();
      }
      RecentCoachData afterBump = turnStart.read(alice, WINDOW, T0, T0).coachData();

      assertThat(cachedRead).isEqualTo(first);
      assertThat(cachedStatements).hasSize(1);
      assertThat(cachedStatements.get(0)).doesNotContain("coach_profiles").contains("coach_data_versions");
      assertThat(afterBump.activeGoals()).singleElement()
          .satisfies(goal -> assertThat(goal.description()).isEqualTo("Run 10 km"));
      assertThat(afterBump).isEqualTo(coachData.recent(alice, WINDOW));
    }
  }

  @Test
  void givenTwoServersEachWithItsCache_aWriteThroughEither_isReadByBoth() {
    UserId alice = TestIds.user();
    PanacheTurnStartRepository one = cached(dataSource);
    PanacheTurnStartRepository two = cached(dataSource);
    coachData.saveGoal(TestCoachDataFactory.goal(alice, "Run 5 km", T0));
    one.read(alice, WINDOW, T0, T0);
    two.read(alice, WINDOW, T0, T0);

    coachData.saveWorkout(TestCoachDataFactory.workout(alice, DAY));

    RecentCoachData asWritten = coachData.recent(alice, WINDOW);
    assertThat(asWritten.workouts()).hasSize(1);
    assertThat(one.read(alice, WINDOW, T0, T0).coachData()).isEqualTo(asWritten);
    assertThat(two.read(alice, WINDOW, T0, T0).coachData()).isEqualTo(asWritten);
  }

  @Test
  void givenAWindowALaterDay_theCachedData_answersWhatThatWindowHolds() throws Exception {
    // Records after the first window's end (dated tomorrow, measured in an hour) enter the next day's window without
    // any write, and the oldest leave it: the cache holds the first window from its starts on and keeps what each
    // window covers.
    UserId alice = TestIds.user();
    coachData.saveWorkout(TestCoachDataFactory.workout(alice, DAY.minusDays(7)));
    coachData.saveWorkout(TestCoachDataFactory.workout(alice, DAY));
    coachData.saveWorkout(TestCoachDataFactory.workout(alice, DAY.plusDays(1)));
    coachData.saveNutritionDay(TestCoachDataFactory.nutritionDay(alice, DAY.minusDays(7), 50));
    coachData.saveNutritionDay(TestCoachDataFactory.nutritionDay(alice, DAY.plusDays(1), 60));
    coachData.saveMeasurement(TestCoachDataFactory.weight(alice, 71.0, T0.minus(Duration.ofDays(30))));
    coachData.saveMeasurement(TestCoachDataFactory.weight(alice, 70.0, T0.plus(Duration.ofHours(1))));
    CoachDataWindow nextDay = new CoachDataWindow(DAY.minusDays(6), DAY.minusDays(6), DAY.plusDays(1),
        T0.minus(Duration.ofDays(29)), T0.plus(Duration.ofDays(1)));
    List<String> statements = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      PanacheTurnStartRepository turnStart = cached(OneConnection.dataSource(connection, statements));
      RecentCoachData today = turnStart.read(alice, WINDOW, T0, T0).coachData();
      statements.clear();

      RecentCoachData tomorrow = turnStart.read(alice, nextDay, T0, T0).coachData();

      assertThat(today).isEqualTo(coachData.recent(alice, WINDOW));
      assertThat(today.workouts()).hasSize(2);
      assertThat(tomorrow).isEqualTo(coachData.recent(alice, nextDay));
      assertThat(tomorrow.workouts()).extracting(WorkoutLog::date).containsExactly(DAY, DAY.plusDays(1));
      assertThat(tomorrow.nutritionDays()).extracting(NutritionDay::date).containsExactly(DAY.plusDays(1));
      assertThat(tomorrow.measurements()).extracting(ProgressMeasurement::value).containsExactly(70.0);
      assertThat(statements).as("statements of the second read").hasSize(1);
      assertThat(statements.get(0)).doesNotContain("coach_profiles");
    }
  }

  @Test
  void everyTableOfCoachData_hasItsTwoTriggers() {
    List<String> triggers = Jdbc.list(dataSource, "SELECT tgrelid::regclass || ' ' || tgname FROM pg_trigger"
        + " WHERE tgname LIKE '%\\_version' OR tgname LIKE '%\\_truncated'", statement -> { },
        row -> row.getString(1));

    List<String> expected = new ArrayList<>();
    for (String table : List.of("coach_profiles", "workouts", "nutrition_days", "progress_measurements", "goals",
        "check_ins", "plans")) {
      expected.add(table + " " + table + "_version");
      expected.add(table + " " + table + "_truncated");
    }
    assertThat(triggers).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aTruncateOfCoachData_givesEveryUserANewVersion() throws Exception {
    UserId alice = TestIds.user();
    coachData.saveGoal(TestCoachDataFactory.goal(alice, "Run 5 km", T0));
    String version = "SELECT version FROM coach_data_versions WHERE user_id = '" + alice.value() + "'";
    try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
      connection.setAutoCommit(false);
      try {
        long before = single(s, version);
        s.execute("TRUNCATE check_ins");
        assertThat(single(s, version)).isNotEqualTo(before);
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }

  private static long single(Statement statement, String query) throws SQLException {
    try (ResultSet row = statement.executeQuery(query)) {
      assertThat(row.next()).isTrue();
      return row.getLong(1);
    }
  }

  private PanacheTurnStartRepository cached(DataSource source) {
    return new PanacheTurnStartRepository(mapper, planMapper, source, null, new CoachDataCache(10));
  }

  private static dev.coachkit.ports.model.usage.UsageEntry entry(UserId user, long cost, Instant at) {
    return TestUsageEntryFactory.chat(user, new ConversationId(UUID.randomUUID()), cost, at);
  }

  private static long transactions() {
    arjPropertyManager.getCoordinatorEnvironmentBean().setEnableStatistics(true);
    return TxStats.getInstance().getNumberOfTransactions();
  }
}
