package dev.coachkit.adapter.persistence;

import dev.coachkit.adapter.persistence.internal.Jdbc;
import dev.coachkit.adapter.persistence.internal.NamedSql;
import dev.coachkit.adapter.persistence.internal.UsageEntryJpaRepository;
import dev.coachkit.adapter.persistence.internal.UsageEntryMapper;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.usage.UsageEntry;
import dev.coachkit.ports.model.usage.UsageSummary;
import dev.coachkit.ports.model.usage.UsageTally;
import dev.coachkit.ports.out.usage.UsageLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link UsageLedger} on PostgreSQL; every method is one transaction, sums are computed by the database. Each entry
 * also adds its response and cost to its user's quarter hour and second ({@code usage_quarter_hours},
 * {@code usage_seconds}, V3, ADR-0018) in the same statement, and the per-turn {@link #tally} sums those instead of
 * the entries, so its cost does not grow with the user's activity. The per-turn {@link #tally} is one statement, run
 * as one autocommit statement when the caller has no transaction (ADR-0013); a caller's transaction is joined. An
 * entry {@link #record recorded} outside a caller's transaction is written with others in the next batch of a
 * {@link UsageEntryWriter} (ADR-0025), and the reads account for it until then: the tally adds it unless its
 * statement found it written, the other reads wait for it to be written first.
 */
@ApplicationScoped
@Transactional
public class PanacheUsageEntryRepository implements UsageLedger {
  private static final String TOTALS = "select count(e), coalesce(sum(e.inputTokens), 0),"
      + " coalesce(sum(e.cachedInputTokens), 0), coalesce(sum(e.outputTokens), 0),"
      + " coalesce(sum(e.audioInputTokens), 0), coalesce(sum(e.audioOutputTokens), 0),"
      + " coalesce(sum(e.audioSecondsIn), 0.0), coalesce(sum(e.audioSecondsOut), 0.0), coalesce(sum(e.costMicros), 0)"
      + " from UsageEntryJpaEntity e where e.userId = ?1 and ";

  /** Bucket lengths of {@code usage_quarter_hours} and {@code usage_seconds} (V3), in seconds since the epoch. */
  static final long QUARTER_HOUR = 900;
  static final long SECOND = 1;

  /**
   * Adds the entries returned by the CTE {@code e} to their buckets of {@code table}: a bucket's start is
   * {@code occurred_at} rounded down to a multiple of {@code bucketSeconds} since the epoch, and each bucket row gets
   * one upsert with its entries' count and cost, in (user, bucket) order. {@code from} is {@code e}, or {@code e}
   * joined with more one-row CTEs that must run before the statement commits. Used by the single entry here and by
   * {@link UsageEntryWriter}'s batches.
   */
  static String addToBuckets(String table, long bucketSeconds, String from) {
    return "INSERT INTO " + table + " (user_id, bucket_start, responses, cost_micros) SELECT user_id, bucket, count(*),"
        + " sum(cost_micros) FROM (SELECT user_id, to_timestamp(floor(extract(epoch FROM occurred_at) / "
        + bucketSeconds + ") * " + bucketSeconds + ") AS bucket, cost_micros FROM " + from + ") b"
        + " GROUP BY user_id, bucket ORDER BY user_id, bucket"
        + " ON CONFLICT (user_id, bucket_start) DO UPDATE SET responses = " + table + ".responses + EXCLUDED.responses,"
        + " cost_micros = " + table + ".cost_micros + EXCLUDED.cost_micros";
  }

  /**
   * The entry and its quarter hour and second in one statement, so all three commit or none: a repeated id inserts
   * no entry, returns no row and so adds nothing to either bucket. The main statement (seconds) runs before the
   * unreferenced CTE {@code q} (quarter hours), so every record locks the two bucket rows in that order.
   *
   * <p>{@code asynchronousCommit}: the statement is a transaction of its own, and its commit does not wait for its WAL
   * to reach the disk (ADR-0020). The CTE {@code a} sets {@code synchronous_commit} off for this transaction only
   * ({@code set_config(…, true)}, as {@code SET LOCAL}); the main statement joins it, so it is evaluated before the
   * commit that reads the setting. The next synchronous commit on the cluster flushes this one's WAL as well: in a chat
   * turn, the reply's append right after.
   */
  private static String recordSql(boolean asynchronousCommit) {
    return "WITH " + (asynchronousCommit ? "a AS (SELECT set_config('synchronous_commit', 'off', true)), " : "")
        + "e AS (INSERT INTO usage_entries (id, user_id, voice_session_id,"
        + " conversation_id, model, input_tokens, cached_input_tokens, output_tokens, audio_input_tokens,"
        + " audio_output_tokens, audio_seconds_in, audio_seconds_out, cost_micros, occurred_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
        + " RETURNING user_id, occurred_at, cost_micros),"
        + " q AS (" + addToBuckets("usage_quarter_hours", QUARTER_HOUR, "e") + ") "
        + addToBuckets("usage_seconds", SECOND, asynchronousCommit ? "e, a" : "e");
  }

  /** {@link #recordSql} in a caller's transaction, whose commit is the caller's. */
  private static final String RECORD_SQL = recordSql(false);
  /** {@link #recordSql} as a transaction of its own (autocommit), committing asynchronously (ADR-0020). */
  static final String RECORD_OWN_TRANSACTION_SQL = recordSql(true);

  /**
   * One sum since an instant {@code t}: the quarter hours starting at or after {@code ceil15(t)}, the seconds from
   * {@code ceil1(t)} up to it, and the entries from {@code t} up to {@code ceil1(t)}. The three ranges are disjoint
   * and together cover exactly the entries at or after {@code t}. Parameters: {@code :user}, and {@code :‹p›Since}
   * ({@code t}), {@code :‹p›Second} ({@code ceil1(t)}), {@code :‹p›Quarter} ({@code ceil15(t)}) for the prefix.
   */
  private static String sumSince(String bucketColumn, String entryExpression, String p) {
    return "(SELECT COALESCE(SUM(" + bucketColumn + "), 0) FROM usage_quarter_hours WHERE user_id = :user"
        + " AND bucket_start >= :" + p + "Quarter)"
        + " + (SELECT COALESCE(SUM(" + bucketColumn + "), 0) FROM usage_seconds WHERE user_id = :user"
        + " AND bucket_start >= :" + p + "Second AND bucket_start < :" + p + "Quarter)"
        + " + (SELECT " + entryExpression + " FROM usage_entries WHERE user_id = :user AND occurred_at >= :" + p
        + "Since AND occurred_at < :" + p + "Second)";
  }

  /**
   * Cost since one instant and responses since another, as two columns. Since the start of a day: at most 96
   * quarter-hour rows; since a minute ago: at most 60 second rows (and a quarter hour's) and one second's entries.
   */
  static final String TALLY_COLUMNS = sumSince("cost_micros", "COALESCE(SUM(cost_micros), 0)", "cost") + ", "
      + sumSince("responses", "COUNT(*)", "responses");

  /** Pending ids bound one parameter each, up to this many; more go in one array parameter. */
  static final int PENDING_SLOTS = 4;

  /**
   * A third column after {@link #TALLY_COLUMNS}, for {@code n} pending entries (the user's entries still pending in
   * the writer, {@code n} at least 1): those of their ids that the statement's snapshot finds in the table, whose
   * sums therefore include them already. Up to {@link #PENDING_SLOTS} ids are {@code :pending1…4} (the last repeated
   * to fill the slots), more are one {@code uuid[]} {@code :pending}. With an array parameter PostgreSQL plans the
   * statement anew on every execution (it never settles on a generic plan), which for the turn-start read costs more
   * than the read; with four plain parameters it keeps one generic plan.
   */
  static String pendingFoundColumn(int n) {
    return "(SELECT array_agg(id) FROM usage_entries WHERE id " + (n <= PENDING_SLOTS
        ? "IN (:pending1, :pending2, :pending3, :pending4))" : "= ANY (:pending))");
  }

  /**
   * A statement's three forms by the number of pending entries: none, up to {@link #PENDING_SLOTS}, more; each the
   * {@code columns} given, then {@link #pendingFoundColumn} when there are pending entries.
   */
  static NamedSql[] withPendingForms(String columns) {
    return new NamedSql[] {NamedSql.of("SELECT " + columns),
        NamedSql.of("SELECT " + columns + ", " + pendingFoundColumn(1)),
        NamedSql.of("SELECT " + columns + ", " + pendingFoundColumn(PENDING_SLOTS + 1))};
  }

  /** The form of {@link #withPendingForms} for this many pending entries. */
  static NamedSql form(NamedSql[] forms, int pending) {
    return forms[pending == 0 ? 0 : pending <= PENDING_SLOTS ? 1 : 2];
  }

  private static final NamedSql[] TALLY = withPendingForms(TALLY_COLUMNS);

  /** How long {@link #summarize} and the other reads wait for the pending entries to be written. */
  static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(10);

  private final UsageEntryJpaRepository entries;
  private final UsageEntryMapper mapper;
  private final DataSource dataSource;
  /** Batches the entries recorded outside a caller's transaction (ADR-0025); null to write each at once. */
  private final UsageEntryWriter writer;

  @Inject
  PanacheUsageEntryRepository(UsageEntryJpaRepository entries, UsageEntryMapper mapper, DataSource dataSource,
      @ConfigProperty(name = "coach.persistence.usage-write-delay", defaultValue = "20ms") Duration writeDelay) {
    this(entries, mapper, dataSource, writeDelay.isZero() ? null : new UsageEntryWriter(dataSource, writeDelay));
  }

  PanacheUsageEntryRepository(UsageEntryJpaRepository entries, UsageEntryMapper mapper, DataSource dataSource,
      UsageEntryWriter writer) {
    this.entries = entries;
    this.mapper = mapper;
    this.dataSource = dataSource;
    this.writer = writer;
  }

  /**
   * Writes the entries still pending and stops the writer's thread: at shutdown, while the data source is still
   * open (beans are destroyed after the event, in no set order), and again, doing nothing, when destroyed.
   */
  @Transactional(TxType.NOT_SUPPORTED)
  void onShutdown(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
    close();
  }

  /** Writes the entries still pending and stops the writer's thread. */
  @PreDestroy
  void close() {
    if (writer != null) {
      writer.close();
    }
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public void record(UsageEntry entry) {
    // Outside a caller's transaction (a chat turn, the voice relay), the entry joins the next batch of the writer
    // (ADR-0025): the turn makes no statement for it. In a caller's transaction, or with no writer, it is written
    // now, idempotent by id, also when the same entry is recorded concurrently: plain JDBC, one autocommit statement
    // or in the caller's transaction, no Hibernate session to open and flush (see Jdbc). On its own, the statement
    // commits without waiting for the WAL flush (ADR-0020); a caller's transaction keeps its own synchronous_commit.
    if (writer != null && !QuarkusTransaction.isActive() && writer.add(entry)) {
      return;
    }
    Jdbc.SqlChooser sql = connection -> connection.getAutoCommit() ? RECORD_OWN_TRANSACTION_SQL : RECORD_SQL;
    Jdbc.run(dataSource, sql, statement -> {
      statement.setObject(1, entry.id().value());
      statement.setString(2, entry.userId().value());
      Jdbc.setUuid(statement, 3, entry.voiceSessionId().map(VoiceSessionId::value).orElse(null));
      Jdbc.setUuid(statement, 4, entry.conversationId().map(c -> c.value()).orElse(null));
      statement.setString(5, entry.model());
      statement.setLong(6, entry.tokens().inputTokens());
      statement.setLong(7, entry.tokens().cachedInputTokens());
      statement.setLong(8, entry.tokens().outputTokens());
      statement.setLong(9, entry.tokens().audioInputTokens());
      statement.setLong(10, entry.tokens().audioOutputTokens());
      statement.setDouble(11, entry.audioSecondsIn());
      statement.setDouble(12, entry.audioSecondsOut());
      statement.setLong(13, entry.costMicros());
      Jdbc.setInstant(statement, 14, entry.occurredAt());
    }, PreparedStatement::executeUpdate);
  }

  /** Waits until the entries recorded so far are written, so that a query sees them. */
  private void flushPending() {
    if (writer != null) {
      writer.flush(FLUSH_TIMEOUT);
    }
  }

  @Override
  public UsageSummary summarize(UserId userId, Instant from, Instant to) {
    flushPending();
    return totals(entries.getEntityManager()
        .createQuery(TOTALS + "e.occurredAt >= ?2 and e.occurredAt < ?3", Object[].class)
        .setParameter(1, userId.value())
        .setParameter(2, from)
        .setParameter(3, to));
  }

  @Override
  public UsageSummary summarizeSession(UserId userId, VoiceSessionId sessionId) {
    flushPending();
    return totals(entries.getEntityManager()
        .createQuery(TOTALS + "e.voiceSessionId = ?2", Object[].class)
        .setParameter(1, userId.value())
        .setParameter(2, sessionId.value()));
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public long costSince(UserId userId, Instant since) {
    return tally(userId, since, since).costMicros();
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public long countResponsesSince(UserId userId, Instant since) {
    return tally(userId, since, since).responses();
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public UsageTally tally(UserId userId, Instant costSince, Instant responsesSince) {
    // One statement (plain JDBC, as in record) over the buckets: for the start of a day (a whole quarter hour in
    // every zone) only quarter hours; for the rate-limit minute at most 60 seconds and one second's entries. The
    // user's entries still pending in the writer are added unless the statement found them in the table: each is
    // counted once, whether it was written before the statement's snapshot or not (ADR-0025).
    List<UsageEntry> pending = pendingOf(writer, userId);
    NamedSql sql = form(TALLY, pending.size());
    NamedSql.Params params = tallyParams(new NamedSql.Params(), userId, costSince, responsesSince, pending);
    return Jdbc.run(dataSource, sql.sql(), statement -> params.bind(sql, statement), statement -> {
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return readTally(row, 1, pending, costSince, responsesSince);
      }
    });
  }

  /** This ledger's writer, or null when each entry is written at once. */
  @Transactional(TxType.SUPPORTS)
  UsageEntryWriter writer() {
    return writer;
  }

  /** The user's entries pending in {@code writer} (none without one). */
  static List<UsageEntry> pendingOf(UsageEntryWriter writer, UserId userId) {
    return writer == null ? List.of() : writer.pendingOf(userId);
  }

  /**
   * The parameters of {@link #TALLY_COLUMNS}, and of {@link #pendingFoundColumn} when {@code pending} is not empty.
   */
  static NamedSql.Params tallyParams(NamedSql.Params params, UserId userId, Instant costSince,
      Instant responsesSince, List<UsageEntry> pending) {
    params.text("user", userId.value());
    since(params, "cost", costSince);
    since(params, "responses", responsesSince);
    if (pending.size() > PENDING_SLOTS) {
      UUID[] ids = new UUID[pending.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = pending.get(i).id().value();
      }
      params.uuids("pending", ids);
    } else if (!pending.isEmpty()) {
      for (int slot = 0; slot < PENDING_SLOTS; slot++) {
        params.uuid("pending" + (slot + 1), pending.get(Math.min(slot, pending.size() - 1)).id().value());
      }
    }
    return params;
  }

  private static void since(NamedSql.Params params, String prefix, Instant since) {
    params.instant(prefix + "Since", since)
        .instant(prefix + "Second", startAtOrAfter(since, SECOND))
        .instant(prefix + "Quarter", startAtOrAfter(since, QUARTER_HOUR));
  }

  /**
   * The tally from column {@code first} of the current row ({@link #TALLY_COLUMNS}, then
   * {@link #pendingFoundColumn} when {@code pending} is not empty), with the pending entries it did not find added.
   */
  static UsageTally readTally(ResultSet row, int first, List<UsageEntry> pending, Instant costSince,
      Instant responsesSince) throws SQLException {
    long cost = row.getLong(first);
    long responses = row.getLong(first + 1);
    if (!pending.isEmpty()) {
      Set<UUID> written = written(row.getArray(first + 2));
      for (UsageEntry entry : pending) {
        if (written.contains(entry.id().value())) {
          continue;
        }
        if (!entry.occurredAt().isBefore(costSince)) {
          cost += entry.costMicros();
        }
        if (!entry.occurredAt().isBefore(responsesSince)) {
          responses++;
        }
      }
    }
    return new UsageTally(cost, responses);
  }

  private static Set<UUID> written(Array ids) throws SQLException {
    if (ids == null) {
      return Set.of();
    }
    Set<UUID> found = new HashSet<>();
    for (Object id : (Object[]) ids.getArray()) {
      found.add((UUID) id);
    }
    return found;
  }

  /** The start of the first bucket of the given length (seconds since the epoch) at or after the instant. */
  static Instant startAtOrAfter(Instant at, long bucketSeconds) {
    long start = Math.floorDiv(at.getEpochSecond(), bucketSeconds) * bucketSeconds;
    return start == at.getEpochSecond() && at.getNano() == 0 ? at : Instant.ofEpochSecond(start + bucketSeconds);
  }

  @Override
  public List<UsageEntry> entriesOf(UserId userId) {
    flushPending();
    return entries.find("from UsageEntryJpaEntity e where e.userId = ?1 order by e.occurredAt, e.id", userId.value())
        .stream()
        .map(mapper::toModel)
        .toList();
  }

  @Override
  public void deleteAllOf(UserId userId) {
    flushPending();
    entries.delete("userId", userId.value());
    // The derived buckets go with the entries (in the order record locks them: seconds, then quarter hours).
    for (String table : List.of("usage_seconds", "usage_quarter_hours")) {
      entries.getEntityManager().createNativeQuery("DELETE FROM " + table + " WHERE user_id = :user")
          .setParameter("user", userId.value())
          .executeUpdate();
    }
  }

  private static UsageSummary totals(TypedQuery<Object[]> query) {
    Object[] row = query.getSingleResult();
    return new UsageSummary(
        number(row[0]).longValue(),
        new TokenUsage(number(row[1]).longValue(), number(row[2]).longValue(), number(row[3]).longValue(),
            number(row[4]).longValue(), number(row[5]).longValue()),
        number(row[6]).doubleValue(),
        number(row[7]).doubleValue(),
        number(row[8]).longValue());
  }

  private static Number number(Object value) {
    return (Number) value;
  }
}
