package dev.coachkit.adapter.persistence;

import dev.coachkit.adapter.persistence.internal.CoachDataMapper;
import dev.coachkit.adapter.persistence.internal.Jdbc;
import dev.coachkit.adapter.persistence.internal.NamedSql;
import dev.coachkit.adapter.persistence.internal.PlanMapper;
import dev.coachkit.ports.model.coaching.CoachDataWindow;
import dev.coachkit.ports.model.coaching.RecentCoachData;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.TurnStartData;
import dev.coachkit.ports.model.usage.UsageEntry;
import dev.coachkit.ports.out.conversation.TurnStartReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@link TurnStartReads} on PostgreSQL: the coach's recent data and the usage tally in one statement, the columns of
 * {@code PanacheCoachDataRepository.recent} followed by those of {@code PanacheUsageEntryRepository.tally}, read and
 * mapped by the same code (ADR-0026). Plain JDBC: one autocommit statement when the caller has no transaction, as the
 * two reads were (ADR-0013), and one snapshot for both.
 */
@ApplicationScoped
public class PanacheTurnStartRepository implements TurnStartReads {
  private static final String COLUMNS = PanacheCoachDataRepository.recentColumns() + ", "
      + PanacheUsageEntryRepository.TALLY_COLUMNS;
  /** The read without pending entries, with up to four, with more (ADR-0025). */
  static final NamedSql[] READ = PanacheUsageEntryRepository.withPendingForms(COLUMNS);
  /** The first tally column: after the seven of the coach data. */
  private static final int TALLY_COLUMN = 8;

  private final CoachDataMapper mapper;
  private final PlanMapper planMapper;
  private final DataSource dataSource;
  /** The ledger's writer, whose pending entries the tally accounts for (ADR-0025); null if it has none. */
  private final UsageEntryWriter writer;

  @Inject
  PanacheTurnStartRepository(CoachDataMapper mapper, PlanMapper planMapper, DataSource dataSource,
      PanacheUsageEntryRepository ledger) {
    this(mapper, planMapper, dataSource, ledger.writer());
  }

  PanacheTurnStartRepository(CoachDataMapper mapper, PlanMapper planMapper, DataSource dataSource,
      UsageEntryWriter writer) {
    this.mapper = mapper;
    this.planMapper = planMapper;
    this.dataSource = dataSource;
    this.writer = writer;
  }

  @Override
  public TurnStartData read(UserId userId, CoachDataWindow window, Instant costSince, Instant responsesSince) {
    List<UsageEntry> pending = PanacheUsageEntryRepository.pendingOf(writer, userId);
    NamedSql sql = PanacheUsageEntryRepository.form(READ, pending.size());
    NamedSql.Params params = PanacheUsageEntryRepository.tallyParams(
        PanacheCoachDataRepository.recentParams(new NamedSql.Params(), userId, window), userId, costSince,
        responsesSince, pending);
    return Jdbc.run(dataSource, sql.sql(), statement -> params.bind(sql, statement), statement -> {
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        RecentCoachData recent = PanacheCoachDataRepository.readRecent(row, 1, mapper, planMapper);
        return new TurnStartData(recent,
            PanacheUsageEntryRepository.readTally(row, TALLY_COLUMN, pending, costSince, responsesSince));
      }
    });
  }
}
