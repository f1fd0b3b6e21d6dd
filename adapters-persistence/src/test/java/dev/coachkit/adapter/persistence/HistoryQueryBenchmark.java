package dev.coachkit.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.Page;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.out.conversation.ConversationStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a timed test: loads 1,000,000 messages of 10,000 users (5 conversations of 20 messages each)
 * and measures fetching a page of 50 through the adapter, plus the bare SQL, with EXPLAIN (ANALYZE, BUFFERS).
 * Runs only with {@code ./mvnw -B -pl adapters-persistence -am verify -Dbenchmark}; the report is written to
 * {@code adapters-persistence/target/benchmark/history-query.md}. It asserts only that the pages are full and the
 * plans use the indexes, never a latency.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class HistoryQueryBenchmark {
  private static final int USERS = 10_000;
  private static final int CONVERSATIONS_PER_USER = 5;
  private static final int MESSAGES_PER_CONVERSATION = 20;
  private static final long MESSAGES = (long) USERS * CONVERSATIONS_PER_USER * MESSAGES_PER_CONVERSATION;
  private static final int PAGE = 50;
  private static final int WARM_UP = 2_000;
  private static final int SAMPLES = 5_000;

  /** The SQL Hibernate generates for messages() (HQL in PanacheConversationRepository), written out. */
  private static final String MESSAGES_SQL = "SELECT m.* FROM messages m WHERE m.conversation_id = ? AND m.user_id = ?"
      + " AND m.sequence_number < ? ORDER BY m.sequence_number DESC OFFSET 0 ROWS FETCH FIRST 51 ROWS ONLY";

  @Inject ConversationStore store;
  @Inject DataSource dataSource;

  @Test
  void givenAMillionMessages_fetchingPagesOf50_isMeasuredAndUsesTheIndexes() throws Exception {
    StringBuilder report = new StringBuilder();
    long loadMillis = load();
    report.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, load average ")
        .append(loadAverage()).append(" before measuring\n\n");
    report.append(String.format(Locale.ROOT, "Loaded %,d messages of %,d users (%,d conversations) in %.1f s%n%n",
        count("SELECT count(*) FROM messages WHERE user_id LIKE 'bench-%'"), USERS, USERS * CONVERSATIONS_PER_USER,
        loadMillis / 1000.0));

    report.append("| call | samples | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|\n");
    Random random = new Random(42);
    int[] users = random.ints(WARM_UP + SAMPLES, 1, USERS + 1).toArray();
    int[] conversations = random.ints(WARM_UP + SAMPLES, 1, CONVERSATIONS_PER_USER + 1).toArray();

    measure(report, "ConversationStore.history(user, first page, 50)", users, i -> {
      Page<Message> page = store.history(user(users[i]), Optional.empty(), PAGE);
      assertThat(page.items()).hasSize(PAGE);
    });
    List<Page<Message>> firstPages = new ArrayList<>();
    for (int i = 0; i < users.length; i++) {
      firstPages.add(store.history(user(users[i]), Optional.empty(), PAGE));
    }
    measure(report, "ConversationStore.history(user, second page via cursor, 50)", users, i -> {
      Page<Message> page = store.history(user(users[i]), firstPages.get(i).nextCursor(), PAGE);
      assertThat(page.items()).hasSize(PAGE);
    });
    measure(report, "ConversationStore.messages(user, conversation, newest, 50)", users, i -> {
      Page<Message> page = store.messages(user(users[i]), conversation(users[i], conversations[i]), Optional.empty(),
          PAGE);
      assertThat(page.items()).hasSize(MESSAGES_PER_CONVERSATION);
    });
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(PanacheConversationRepository.HISTORY_SQL.replace(":user", "?")
            .replace(":limit", "?"))) {
      measure(report, "bare JDBC: history SQL, first page (LIMIT 51)", users, i -> {
        try {
          s.setString(1, user(users[i]).value());
          s.setInt(2, PAGE + 1);
          int rows = 0;
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              rows++;
            }
          }
          assertThat(rows).isEqualTo(PAGE + 1);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
    }

    String userLiteral = "'" + user(4_242).value() + "'";
    Page<Message> first = store.history(user(4_242), Optional.empty(), PAGE);
    Message oldest = first.items().get(0);
    String historyPlan = explain(PanacheConversationRepository.HISTORY_SQL
        .replace(":user", userLiteral).replace(":limit", "51"));
    String cursorPlan = explain(PanacheConversationRepository.HISTORY_AFTER_CURSOR_SQL
        .replace(":user", userLiteral).replace(":limit", "51")
        .replace(":at", "'" + oldest.createdAt() + "'::timestamptz")
        .replace(":conversation", "'" + oldest.conversationId() + "'::uuid")
        .replace(":sequence", Long.toString(oldest.sequence())));
    String messagesPlan = explain(MESSAGES_SQL.replaceFirst("\\?", "'" + conversation(4_242, 3) + "'::uuid")
        .replaceFirst("\\?", userLiteral).replaceFirst("\\?", Long.toString(Long.MAX_VALUE)));
    report.append("\nEXPLAIN (ANALYZE, BUFFERS), history first page:\n\n").append(historyPlan)
        .append("\nEXPLAIN (ANALYZE, BUFFERS), history after a cursor:\n\n").append(cursorPlan)
        .append("\nEXPLAIN (ANALYZE, BUFFERS), messages of one conversation:\n\n").append(messagesPlan);

    Path out = Path.of("target", "benchmark", "history-query.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
    System.out.println("\n==== History query benchmark (" + out.toAbsolutePath() + ") ====\n" + report);

    assertThat(historyPlan).contains("messages_user_history").doesNotContain("Seq Scan");
    assertThat(cursorPlan).contains("messages_user_history").doesNotContain("Seq Scan");
    // The planner may serve messages() from either index that leads with its equality columns; both are fine.
    assertThat(messagesPlan).contains("Index Scan using messages_").doesNotContain("Seq Scan");
    cleanUp();
  }

  private static UserId user(int n) {
    return UserId.of(String.format(Locale.ROOT, "bench-user-%05d", n));
  }

  private static ConversationId conversation(int user, int conversation) {
    return ConversationId.of(UUID.nameUUIDFromBytes(("bench:" + user + ":" + conversation)
        .getBytes(StandardCharsets.UTF_8)));
  }

  private void measure(StringBuilder report, String what, int[] users, IntConsumer call) {
    for (int i = 0; i < WARM_UP; i++) {
      call.accept(i);
    }
    long[] nanos = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      long start = System.nanoTime();
      call.accept(WARM_UP + i);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    report.append(String.format(Locale.ROOT, "| %s | %,d | %.3f ms | %.3f ms | %.3f ms | %.3f ms |%n", what, SAMPLES,
        percentile(nanos, 50), percentile(nanos, 90), percentile(nanos, 99), nanos[nanos.length - 1] / 1e6));
  }

  private static double percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  /** Loads the data set with set-based SQL; conversation ids are name-based UUIDs Java can recompute. */
  private long load() throws SQLException {
    long start = System.nanoTime();
    cleanUp();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("SET synchronous_commit = off");
      // Java's UUID.nameUUIDFromBytes: MD5 with the version (3) and variant bits set.
      s.execute("CREATE OR REPLACE FUNCTION pg_temp.name_uuid(t text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$"
          + " SELECT (substr(h, 1, 12) || '3' || substr(h, 14, 3)"
          + " || to_hex((('x' || substr(h, 17, 1))::bit(4)::int & 3) | 8) || substr(h, 18))::uuid"
          + " FROM (SELECT md5(t) AS h) x $$");
      s.execute("INSERT INTO conversations (id, user_id, title, created_at, last_activity_at, message_count)"
          + " SELECT pg_temp.name_uuid('bench:' || u || ':' || k), 'bench-user-' || lpad(u::text, 5, '0'),"
          + " 'Benchmark', timestamptz '2025-01-01' + u * interval '1 second' + k * interval '1 day',"
          + " timestamptz '2025-01-01' + u * interval '1 second' + k * interval '1 day'"
          + "   + " + MESSAGES_PER_CONVERSATION + " * interval '1 minute', " + MESSAGES_PER_CONVERSATION
          + " FROM generate_series(1, " + USERS + ") u, generate_series(1, " + CONVERSATIONS_PER_USER + ") k");
      s.execute("INSERT INTO messages (id, conversation_id, user_id, sequence_number, role, channel, status,"
          + " content, created_at)"
          + " SELECT gen_random_uuid(), pg_temp.name_uuid('bench:' || u || ':' || k),"
          + " 'bench-user-' || lpad(u::text, 5, '0'), q, CASE WHEN q % 2 = 1 THEN 'USER' ELSE 'ASSISTANT' END,"
          + " 'TEXT', 'COMPLETE', 'Message ' || q || ' about training, sleep and a little nutrition.',"
          + " timestamptz '2025-01-01' + u * interval '1 second' + k * interval '1 day' + q * interval '1 minute'"
          + " FROM generate_series(1, " + USERS + ") u, generate_series(1, " + CONVERSATIONS_PER_USER + ") k,"
          + " generate_series(1, " + MESSAGES_PER_CONVERSATION + ") q");
      s.execute("VACUUM ANALYZE conversations");
      s.execute("VACUUM ANALYZE messages");
    }
    assertThat(count("SELECT count(*) FROM messages WHERE user_id LIKE 'bench-%'")).isEqualTo(MESSAGES);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private void cleanUp() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("DELETE FROM conversations WHERE user_id LIKE 'bench-%'");
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private long count(String sql) {
    return Sql.count(dataSource, sql);
  }

  private String explain(String sql) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
      while (rs.next()) {
        plan.append("    ").append(rs.getString(1)).append('\n');
      }
    }
    return "    " + sql + "\n\n" + plan;
  }

}
