package dev.coachkit.adapter.persistence;

import static dev.coachkit.ports.testing.TestConversationFactory.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.usage.UsageEntry;
import dev.coachkit.ports.model.usage.UsageTally;
import dev.coachkit.ports.out.usage.UsageLedger;
import dev.coachkit.ports.testing.TestIds;
import dev.coachkit.ports.testing.TestUsageEntryFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A ledger entry recorded on its own commits without waiting for its WAL to be flushed; one recorded in a caller's
 * transaction leaves that transaction's commit as it was (ADR-0020). A backend writes WAL out itself at a synchronous
 * commit and leaves an asynchronous one to the WAL writer, so the backend's WAL write count
 * ({@code pg_stat_wal.wal_write}, cluster-wide: the WAL writer's add to it) tells them apart: at least one per
 * synchronous commit (half of them allowed for the WAL writer having written some first), and at most a quarter of that
 * for asynchronous ones. The entries go through one physical connection, so one backend's statistics hold all of
 * them.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class LedgerCommitTest {
  private static final int ENTRIES = 300;

  @Inject UsageLedger ledger;
  @Inject DataSource dataSource;

  @Test
  void givenNoCallerTransaction_record_commitsWithoutFlushingTheWalItself() throws SQLException {
    long writes = walWritesRecording((connection, onOneConnection, entry) -> onOneConnection.record(entry));

    assertThat(writes).as("WAL writes for %d entries, each committed on its own", ENTRIES).isLessThan(ENTRIES / 4);
  }

  @Test
  void givenCallerTransactions_record_leavesTheirCommitsSynchronous() throws SQLException {
    long writes = walWritesRecording((connection, onOneConnection, entry) -> {
      connection.setAutoCommit(false);
      onOneConnection.record(entry);
      connection.commit();
      connection.setAutoCommit(true);
    });

    assertThat(writes).as("WAL writes for %d caller transactions, each with one entry", ENTRIES)
        .isGreaterThanOrEqualTo(ENTRIES / 2);
  }

  @Test
  void givenCallerTransaction_record_leavesItsSynchronousCommitSettingAlone() {
    UserId alice = TestIds.user();

    String setting = QuarkusTransaction.requiringNew().call(() -> {
      try (Connection connection = dataSource.getConnection()) {
        try (Statement s = connection.createStatement()) {
          s.execute("SET LOCAL synchronous_commit = on");
        }
        ledger.record(entry(alice, 0));
        return currentSetting(connection);
      }
    });

    assertThat(setting).isEqualTo("on");
    assertThat(ledger.tally(alice, T0, T0)).isEqualTo(new UsageTally(100, 1));
  }

  /** Records one entry on the connection, through the repository on that connection. */
  @FunctionalInterface
  private interface Recording {
    void record(Connection connection, UsageLedger onOneConnection, UsageEntry entry) throws SQLException;
  }

  /**
   * Records {@link #ENTRIES} entries of a new user through one connection with {@code synchronous_commit} on, each
   * as {@code recording} does; checks that all of them were recorded and returns the WAL writes made meanwhile.
   */
  private long walWritesRecording(Recording recording) throws SQLException {
    UserId alice = TestIds.user();
    long writes;
    try (Connection connection = dataSource.getConnection()) {
      synchronousCommitOn(connection);
      UsageLedger onOneConnection = ledgerOn(connection);
      long before = walWrites(connection);
      for (int i = 0; i < ENTRIES; i++) {
        recording.record(connection, onOneConnection, entry(alice, i));
      }
      writes = walWrites(connection) - before;
    }
    assertThat(ledger.tally(alice, T0, T0)).isEqualTo(new UsageTally(100L * ENTRIES, ENTRIES));
    return writes;
  }

  private static UsageEntry entry(UserId user, int i) {
    return TestUsageEntryFactory.chat(user, new ConversationId(UUID.randomUUID()), 100, T0.plusMillis(i));
  }

  /** The repository on one connection, which its {@code close()} leaves open. */
  private static UsageLedger ledgerOn(Connection connection) {
    return new PanacheUsageEntryRepository(null, null, OneConnection.dataSource(connection), (UsageEntryWriter) null);
  }

  /** The test cluster runs with synchronous_commit off (zonky's default); a server's runs with it on. */
  private static void synchronousCommitOn(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET synchronous_commit = on");
    }
  }

  /** This backend's WAL writes so far, its pending statistics flushed first (with the WAL writer's, if reported). */
  private static long walWrites(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SELECT pg_stat_force_next_flush()");
      // The backend flushes its pending statistics when it goes idle after that statement.
      try (ResultSet rs = s.executeQuery("SELECT wal_write FROM pg_stat_wal")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String currentSetting(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_setting('synchronous_commit')")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
