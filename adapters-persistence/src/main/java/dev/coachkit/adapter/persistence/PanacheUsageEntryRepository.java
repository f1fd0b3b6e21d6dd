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
 * {@link UsageLedger} on PostgreSQL; every method is one transaction, sums are computed by the database. The two
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

  private static final String RECORD_SQL = "INSERT INTO usage_entries (id, user_id, voice_session_id,"
      + " conversation_id, model, input_tokens, cached_input_tokens, output_tokens, audio_input_tokens,"
      + " audio_output_tokens, audio_seconds_in, audio_seconds_out, cost_micros, occurred_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
  private static final String TALLY_SQL = "SELECT COALESCE(SUM(cost_micros) FILTER (WHERE occurred_at >= ?), 0),"
      + " COUNT(*) FILTER (WHERE occurred_at >= ?) FROM usage_entries WHERE user_id = ?"
      + " AND occurred_at >= LEAST(CAST(? AS timestamptz), CAST(? AS timestamptz))";

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
    // Both figures from one index range scan of the user's entries since the earlier instant; plain JDBC, as in
    // record.
    return Jdbc.run(dataSource, TALLY_SQL, statement -> {
      Jdbc.setInstant(statement, 1, costSince);
      Jdbc.setInstant(statement, 2, responsesSince);
      statement.setString(3, userId.value());
      Jdbc.setInstant(statement, 4, costSince);
      Jdbc.setInstant(statement, 5, responsesSince);
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
