package dev.coachkit.adapter.persistence;

import dev.coachkit.adapter.persistence.internal.Jdbc;
import dev.coachkit.adapter.persistence.internal.UsageEntryJpaRepository;
import dev.coachkit.adapter.persistence.internal.UsageEntryMapper;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.usage.UsageEntry;
import dev.coachkit.ports.model.usage.UsageSummary;
import dev.coachkit.ports.model.usage.UsageTally;
import dev.coachkit.ports.out.usage.UsageLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.query.NativeQuery;

/**
 * {@link UsageLedger} on PostgreSQL; every method is one transaction, sums are computed by the database. Each entry
 * also adds its cost to its user's quarter hour in {@code usage_cost_buckets} (same statement), which the per-turn
 * budget check sums instead of the day's entries. The two
 * calls of every chat turn, {@link #record} and {@link #tally}, are one statement each and run as one autocommit
 * statement when the caller has no transaction (ADR-0013); a caller's transaction is joined.
 */
@ApplicationScoped
@Transactional
public class PanacheUsageEntryRepository implements UsageLedger {
  private static final String TOTALS = "select count(e), coalesce(sum(e.inputTokens), 0),"
      + " coalesce(sum(e.cachedInputTokens), 0), coalesce(sum(e.outputTokens), 0),"
      + " coalesce(sum(e.audioInputTokens), 0), coalesce(sum(e.audioOutputTokens), 0),"
      + " coalesce(sum(e.audioSecondsIn), 0.0), coalesce(sum(e.audioSecondsOut), 0.0), coalesce(sum(e.costMicros), 0)"
      + " from UsageEntryJpaEntity e where e.userId = ?1 and ";

  /** Quarter hours of {@code usage_cost_buckets} (V3), in seconds; the SQL below uses the same 900. */
  private static final long BUCKET_SECONDS = 900;

  /**
   * The entry and its quarter hour's cost in one statement (so both commit or neither): a repeated id inserts no
   * entry, returns no row and so adds nothing to the bucket.
   */
  private static final String RECORD_SQL = "WITH e AS (INSERT INTO usage_entries (id, user_id, voice_session_id,"
      + " conversation_id, model, input_tokens, cached_input_tokens, output_tokens, audio_input_tokens,"
      + " audio_output_tokens, audio_seconds_in, audio_seconds_out, cost_micros, occurred_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
      + " RETURNING user_id, occurred_at, cost_micros)"
      + " INSERT INTO usage_cost_buckets (user_id, bucket_start, cost_micros)"
      + " SELECT user_id, to_timestamp(floor(extract(epoch FROM occurred_at) / 900) * 900), cost_micros FROM e"
      + " ON CONFLICT (user_id, bucket_start) DO UPDATE"
      + " SET cost_micros = usage_cost_buckets.cost_micros + EXCLUDED.cost_micros";

  /**
   * Cost since an instant: the quarter hours that start at or after it (at most 96 rows for a day), plus the entries
   * between it and the first of them (none when it starts a quarter hour, as the start of a day in any zone of whole
   * quarter-hour offset does); responses since the other instant: the entries themselves (at most a minute's,
   * bounded by the rate limit).
   */
  private static final String TALLY_SQL = "SELECT"
      + " (SELECT COALESCE(SUM(cost_micros), 0) FROM usage_cost_buckets WHERE user_id = ? AND bucket_start >= ?)"
      + " + (SELECT COALESCE(SUM(cost_micros), 0) FROM usage_entries WHERE user_id = ? AND occurred_at >= ?"
      + " AND occurred_at < ?),"
      + " (SELECT COUNT(*) FROM usage_entries WHERE user_id = ? AND occurred_at >= ?)";

  private final UsageEntryJpaRepository entries;
  private final UsageEntryMapper mapper;
  private final DataSource dataSource;

  PanacheUsageEntryRepository(UsageEntryJpaRepository entries, UsageEntryMapper mapper, DataSource dataSource) {
    this.entries = entries;
    this.mapper = mapper;
    this.dataSource = dataSource;
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public void record(UsageEntry entry) {
    // Idempotent by id, also when the same entry is recorded concurrently. Plain JDBC, one autocommit statement or
    // in the caller's transaction: no Hibernate session to open and flush, no transaction of its own (see Jdbc).
    Jdbc.run(dataSource, RECORD_SQL, statement -> {
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

  @Override
  public UsageSummary summarize(UserId userId, Instant from, Instant to) {
    return totals(entries.getEntityManager()
        .createQuery(TOTALS + "e.occurredAt >= ?2 and e.occurredAt < ?3", Object[].class)
        .setParameter(1, userId.value())
        .setParameter(2, from)
        .setParameter(3, to));
  }

  @Override
  public UsageSummary summarizeSession(UserId userId, VoiceSessionId sessionId) {
    return totals(entries.getEntityManager()
        .createQuery(TOTALS + "e.voiceSessionId = ?2", Object[].class)
        .setParameter(1, userId.value())
        .setParameter(2, sessionId.value()));
  }

  @Override
  public long costSince(UserId userId, Instant since) {
    // Native SQL for the two checks run before every turn: Hibernate re-plans this aggregate (and Panache's
    // count query) on each call, which cost more CPU than the indexed query itself.
    return sinceUser("SELECT COALESCE(SUM(cost_micros), 0) FROM usage_entries"
        + " WHERE user_id = :user AND occurred_at >= :since", userId, since);
  }

  @Override
  public long countResponsesSince(UserId userId, Instant since) {
    return sinceUser("SELECT COUNT(*) FROM usage_entries WHERE user_id = :user AND occurred_at >= :since",
        userId, since);
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public UsageTally tally(UserId userId, Instant costSince, Instant responsesSince) {
    // One statement (plain JDBC, as in record): the day's cost from its quarter-hour buckets, not from every entry.
    Instant firstBucket = bucketAtOrAfter(costSince);
    return Jdbc.run(dataSource, TALLY_SQL, statement -> {
      statement.setString(1, userId.value());
      Jdbc.setInstant(statement, 2, firstBucket);
      statement.setString(3, userId.value());
      Jdbc.setInstant(statement, 4, costSince);
      Jdbc.setInstant(statement, 5, firstBucket);
      statement.setString(6, userId.value());
      Jdbc.setInstant(statement, 7, responsesSince);
    }, statement -> {
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return new UsageTally(row.getLong(1), row.getLong(2));
      }
    });
  }

  private long sinceUser(String sql, UserId userId, Instant since) {
    Object value = entries.getEntityManager()
        .createNativeQuery(sql)
        .unwrap(NativeQuery.class)
        .setParameter("user", userId.value(), String.class)
        .setParameter("since", since, Instant.class)
        .getSingleResult();
    return ((Number) value).longValue();
  }

  @Override
  public List<UsageEntry> entriesOf(UserId userId) {
    return entries.find("from UsageEntryJpaEntity e where e.userId = ?1 order by e.occurredAt, e.id", userId.value())
        .stream()
        .map(mapper::toModel)
        .toList();
  }

  @Override
  public void deleteAllOf(UserId userId) {
    entries.delete("userId", userId.value());
    entries.getEntityManager().createNativeQuery("DELETE FROM usage_cost_buckets WHERE user_id = :user")
        .setParameter("user", userId.value())
        .executeUpdate();
  }

  /** The start of the first quarter hour (since the epoch, UTC) at or after the instant. */
  static Instant bucketAtOrAfter(Instant at) {
    long start = Math.floorDiv(at.getEpochSecond(), BUCKET_SECONDS) * BUCKET_SECONDS;
    return start == at.getEpochSecond() && at.getNano() == 0 ? at : Instant.ofEpochSecond(start + BUCKET_SECONDS);
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
