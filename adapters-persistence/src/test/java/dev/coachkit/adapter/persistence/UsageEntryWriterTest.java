package dev.coachkit.adapter.persistence;

import static dev.coachkit.ports.testing.TestConversationFactory.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapter.persistence.internal.UsageEntryJpaRepository;
import dev.coachkit.adapter.persistence.internal.UsageEntryMapper;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.usage.UsageEntry;
import dev.coachkit.ports.model.usage.UsageTally;
import dev.coachkit.ports.testing.TestIds;
import dev.coachkit.ports.testing.TestUsageEntryFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The usage-entry writer (ADR-0025): entries recorded outside a caller's transaction are written in batches on the
 * writer's thread, and until then the ledger's reads account for them, each entry counted once.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class UsageEntryWriterTest {
  /** Longer than any test: a batch is written only when flushed or closed. */
  private static final Duration NEVER = Duration.ofHours(1);

  @Inject DataSource dataSource;
  @Inject UsageEntryJpaRepository entries;
  @Inject UsageEntryMapper mapper;

  @Test
  void givenEntriesNotWrittenYet_tally_countsThemAndFlushWritesThemInOneStatement() {
    UsageEntryWriter writer = new UsageEntryWriter(dataSource, NEVER);
    PanacheUsageEntryRepository ledger = ledger(writer);
    try {
      UserId alice = TestIds.user();
      for (int i = 0; i < 5; i++) {
        ledger.record(entry(alice, 100, T0.plusSeconds(i)));
      }

      assertThat(storedEntries(alice)).isZero();
      assertThat(ledger.tally(alice, T0, T0.plusSeconds(3))).isEqualTo(new UsageTally(500, 2));

      writer.flush(Duration.ofSeconds(10));

      assertThat(storedEntries(alice)).isEqualTo(5);
      assertThat(Sql.count(dataSource, "SELECT count(DISTINCT xmin::text) FROM usage_entries WHERE user_id = ?",
          alice.value())).as("transactions that wrote the entries").isEqualTo(1);
      assertThat(writer.pendingCount()).isZero();
      assertThat(ledger.tally(alice, T0, T0.plusSeconds(3))).isEqualTo(new UsageTally(500, 2));
    } finally {
      writer.close();
    }
  }

  @Test
  void givenEntriesBeingWrittenWhileTalliesRun_tally_countsEveryEntryOnce() throws Exception {
    UsageEntryWriter writer = new UsageEntryWriter(dataSource, Duration.ofMillis(1));
    PanacheUsageEntryRepository ledger = ledger(writer);
    UserId alice = TestIds.user();
    int total = 1500;
    // A record call that overlaps a tally may or may not be counted by it: the bounds are the calls finished before
    // the tally and the calls started before it ended.
    AtomicInteger started = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    try {
      CompletableFuture<Void> recording = CompletableFuture.runAsync(() -> {
        for (int i = 0; i < total; i++) {
          started.incrementAndGet();
          ledger.record(entry(alice, 1, T0.plusMillis(i)));
          finished.incrementAndGet();
          LockSupport.parkNanos(100_000);
        }
      });
      int talliesWithPending = 0;
      int tallies = 0;
      while (!recording.isDone() || tallies == 0) {
        int before = finished.get();
        boolean pending = !writer.pendingOf(alice).isEmpty();
        UsageTally tally = ledger.tally(alice, T0, T0);
        int after = started.get();
        assertThat(tally.responses()).as("responses counted, %d recorded before and %d begun by the end of the tally",
            before, after).isBetween((long) before, (long) after);
        assertThat(tally.costMicros()).isEqualTo(tally.responses());
        tallies++;
        if (pending) {
          talliesWithPending++;
        }
      }
      recording.get(10, TimeUnit.SECONDS);
      assertThat(talliesWithPending).as("tallies that found pending entries, of %d", tallies).isGreaterThan(20);

      writer.flush(Duration.ofSeconds(10));

      assertThat(storedEntries(alice)).isEqualTo(total);
      assertThat(ledger.tally(alice, T0, T0)).isEqualTo(new UsageTally(total, total));
      assertThat(Sql.count(dataSource, "SELECT count(DISTINCT xmin::text) FROM usage_entries WHERE user_id = ?",
          alice.value())).as("batches").isLessThan(total);
    } finally {
      writer.close();
    }
  }

  @Test
  void givenBatchesAcrossUsersSecondsAndQuarterHours_theBuckets_matchEntriesWrittenOneByOne() {
    UsageEntryWriter writer = new UsageEntryWriter(dataSource, NEVER);
    PanacheUsageEntryRepository batched = ledger(writer);
    PanacheUsageEntryRepository oneByOne = ledger(null);
    try {
      List<UserId> batchedUsers = List.of(TestIds.user(), TestIds.user(), TestIds.user());
      List<UserId> singleUsers = List.of(TestIds.user(), TestIds.user(), TestIds.user());
      Instant[] times = {T0, T0.plusMillis(10), T0.plusMillis(999), T0.plusSeconds(1), T0.plusSeconds(899),
          T0.plusSeconds(900), T0.plusSeconds(3600).plusMillis(1)};
      for (int u = 0; u < 3; u++) {
        for (int i = 0; i < times.length; i++) {
          long cost = 10L * (u + 1) + i;
          batched.record(entry(batchedUsers.get(u), cost, times[i]));
          oneByOne.record(entry(singleUsers.get(u), cost, times[i]));
        }
      }
      writer.flush(Duration.ofSeconds(10));

      for (int u = 0; u < 3; u++) {
        for (String table : List.of("usage_seconds", "usage_quarter_hours")) {
          List<String> expected = buckets(table, singleUsers.get(u));
          assertThat(expected).isNotEmpty();
          assertThat(buckets(table, batchedUsers.get(u))).as(table).isEqualTo(expected);
        }
        assertThat(batched.tally(batchedUsers.get(u), T0.plusMillis(5), T0.plusMillis(500)))
            .isEqualTo(oneByOne.tally(singleUsers.get(u), T0.plusMillis(5), T0.plusMillis(500)));
      }
    } finally {
      writer.close();
    }
  }

  @Test
  void givenAnEntryRecordedAgain_beforeAndAfterItsBatch_itIsWrittenAndCountedOnce() {
    UsageEntryWriter writer = new UsageEntryWriter(dataSource, NEVER);
    PanacheUsageEntryRepository ledger = ledger(writer);
    try {
      UserId alice = TestIds.user();
      UsageEntry entry = entry(alice, 100, T0);
      ledger.record(entry);
      ledger.record(entry);
      assertThat(ledger.tally(alice, T0, T0)).isEqualTo(new UsageTally(100, 1));
      writer.flush(Duration.ofSeconds(10));

      ledger.record(entry);
      assertThat(ledger.tally(alice, T0, T0)).isEqualTo(new UsageTally(100, 1));
      writer.flush(Duration.ofSeconds(10));

      assertThat(storedEntries(alice)).isEqualTo(1);
      assertThat(Sql.count(dataSource, "SELECT sum(responses) FROM usage_seconds WHERE user_id = ?", alice.value()))
          .isEqualTo(1);
      assertThat(ledger.tally(alice, T0, T0)).isEqualTo(new UsageTally(100, 1));
    } finally {
      writer.close();
    }
  }

  @Test
  void givenTheDatabaseFailing_pendingEntries_areKeptCountedAndWrittenOnceItRecovers() {
    AtomicBoolean failing = new AtomicBoolean(true);
    UsageEntryWriter writer = new UsageEntryWriter(failingWhile(failing), Duration.ofMillis(1));
    PanacheUsageEntryRepository ledger = ledger(writer);
    try {
      UserId alice = TestIds.user();
      ledger.record(entry(alice, 100, T0));
      ledger.record(entry(alice, 200, T0.plusSeconds(1)));

      assertThatThrownBy(() -> writer.flush(Duration.ofMillis(300)))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("could not be written")
          .hasMessageContaining("the database is down");
      assertThat(writer.pendingCount()).isEqualTo(2);
      assertThat(ledger.tally(alice, T0, T0)).isEqualTo(new UsageTally(300, 2));

      failing.set(false);
      writer.flush(Duration.ofSeconds(10));

      assertThat(storedEntries(alice)).isEqualTo(2);
      assertThat(ledger.tally(alice, T0, T0)).isEqualTo(new UsageTally(300, 2));
    } finally {
      writer.close();
    }
  }

  @Test
  void givenPendingEntries_close_writesThemAndLaterEntriesAreWrittenAtOnce() {
    UsageEntryWriter writer = new UsageEntryWriter(dataSource, NEVER);
    PanacheUsageEntryRepository ledger = ledger(writer);
    UserId alice = TestIds.user();
    for (int i = 0; i < 4; i++) {
      ledger.record(entry(alice, 100, T0.plusSeconds(i)));
    }

    ledger.close();

    assertThat(storedEntries(alice)).isEqualTo(4);
    ledger.record(entry(alice, 100, T0.plusSeconds(10)));
    assertThat(storedEntries(alice)).isEqualTo(5);
    assertThat(writer.pendingCount()).isZero();
  }

  @Test
  void givenPendingEntries_theOtherReads_seeThemWritten() {
    UsageEntryWriter writer = new UsageEntryWriter(dataSource, NEVER);
    PanacheUsageEntryRepository ledger = ledger(writer);
    try {
      UserId alice = TestIds.user();
      VoiceSessionId session = new VoiceSessionId(UUID.randomUUID());
      UsageEntry voice = TestUsageEntryFactory.voice(alice, session, 300, T0.plusSeconds(2));
      ledger.record(entry(alice, 100, T0));
      ledger.record(voice);

      assertThat(ledger.costSince(alice, T0.plusSeconds(1))).isEqualTo(300);
      assertThat(ledger.countResponsesSince(alice, T0)).isEqualTo(2);
      assertThat(storedEntries(alice)).isZero();

      assertThat(QuarkusTransaction.requiringNew().call(() -> ledger.entriesOf(alice))).hasSize(2).contains(voice);
      assertThat(writer.pendingCount()).isZero();
    } finally {
      writer.close();
    }
  }

  /** A ledger with its own writer (or none: each entry written at once), outside the container. */
  private PanacheUsageEntryRepository ledger(UsageEntryWriter writer) {
    return new PanacheUsageEntryRepository(entries, mapper, dataSource, writer);
  }

  private static UsageEntry entry(UserId user, long cost, Instant at) {
    return TestUsageEntryFactory.chat(user, new ConversationId(UUID.randomUUID()), cost, at);
  }

  private long storedEntries(UserId user) {
    return Sql.count(dataSource, "SELECT count(*) FROM usage_entries WHERE user_id = ?", user.value());
  }

  private List<String> buckets(String table, UserId user) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT bucket_start, responses, cost_micros FROM " + table
            + " WHERE user_id = ? ORDER BY bucket_start")) {
      s.setString(1, user.value());
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getObject(1, java.time.OffsetDateTime.class).toInstant() + " " + rs.getLong(2) + " "
              + rs.getLong(3));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The test's data source, whose connections fail while {@code failing} is set. */
  private DataSource failingWhile(AtomicBoolean failing) {
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          if ("getConnection".equals(method.getName()) && failing.get()) {
            throw new SQLException("the database is down");
          }
          try {
            return method.invoke(dataSource, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
