package dev.coachkit.adapter.persistence;

import static dev.coachkit.ports.testing.TestConversationFactory.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.arjuna.coordinator.TxStats;
import dev.coachkit.adapter.persistence.internal.CoachDataMapper;
import dev.coachkit.adapter.persistence.internal.PlanMapper;
import dev.coachkit.ports.model.coaching.CoachDataWindow;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
    PanacheTurnStartRepository turnStart = new PanacheTurnStartRepository(mapper, planMapper, dataSource, writer);
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
    // generic plan after five custom ones (pgjdbc prepares the statement on the server from its fifth use).
    UsageEntryWriter writer = new UsageEntryWriter(dataSource, Duration.ofHours(1));
    UserId alice = TestIds.user();
    try (Connection connection = dataSource.getConnection()) {
      PanacheTurnStartRepository turnStart =
          new PanacheTurnStartRepository(mapper, planMapper, OneConnection.dataSource(connection), writer);
      writer.add(entry(alice, 100, T0));
      for (int i = 0; i < 20; i++) {
        assertThat(turnStart.read(alice, WINDOW, T0, T0).usage()).isEqualTo(new UsageTally(100, 1));
      }

      try (Statement s = connection.createStatement();
          ResultSet plans = s.executeQuery("SELECT coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0)"
              + " FROM pg_prepared_statements WHERE statement LIKE '%FROM usage_entries WHERE id IN%'")) {
        plans.next();
        assertThat(plans.getLong(2)).as("custom plans").isPositive();
        assertThat(plans.getLong(1)).as("generic plans").isGreaterThanOrEqualTo(5);
      }
    } finally {
      writer.close();
    }
  }

  private static dev.coachkit.ports.model.usage.UsageEntry entry(UserId user, long cost, Instant at) {
    return TestUsageEntryFactory.chat(user, new ConversationId(UUID.randomUUID()), cost, at);
  }

  private static long transactions() {
    arjPropertyManager.getCoordinatorEnvironmentBean().setEnableStatistics(true);
    return TxStats.getInstance().getNumberOfTransactions();
  }
}
