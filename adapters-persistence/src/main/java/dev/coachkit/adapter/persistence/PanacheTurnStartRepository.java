package dev.coachkit.adapter.persistence;

import dev.coachkit.adapter.persistence.internal.CoachDataCache;
import dev.coachkit.adapter.persistence.internal.CoachDataMapper;
import dev.coachkit.adapter.persistence.internal.Jdbc;
import dev.coachkit.adapter.persistence.internal.NamedSql;
import dev.coachkit.adapter.persistence.internal.PlanMapper;
import dev.coachkit.ports.model.coaching.CoachDataWindow;
import dev.coachkit.ports.model.coaching.RecentCoachData;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.TurnStartData;
import dev.coachkit.ports.model.usage.UsageEntry;
import dev.coachkit.ports.model.usage.UsageTally;
import dev.coachkit.ports.out.conversation.TurnStartReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link TurnStartReads} on PostgreSQL: the coach's recent data and the usage tally in one statement, the columns of
 * {@code PanacheCoachDataRepository.recent} followed by those of {@code PanacheUsageEntryRepository.tally}, read and
 * mapped by the same code (ADR-0026). Plain JDBC: one autocommit statement when the caller has no transaction, as the
 * two reads were (ADR-0013), and one snapshot for both.
 *
 * <p>The coach data is read again only when it has changed (ADR-0028): the statement also reads the version of the
 * user's coach data, which the database changes with every write of it, and the coach data read with a version is
 * kept in a {@link CoachDataCache}. When the cache has the user's data, the statement reads only the version and the
 * tally; if the version is not the one the cache has, a second statement reads the data and its version.
 */
@ApplicationScoped
public class PanacheTurnStartRepository implements TurnStartReads {
  /** The version of the user's coach data: {@link CoachDataCache#NO_DATA} when they have none. */
  static final String VERSION_COLUMN = "COALESCE((SELECT version FROM coach_data_versions WHERE user_id = :user), "
      + CoachDataCache.NO_DATA + ")";
  private static final String COACH_DATA_COLUMNS = PanacheCoachDataRepository.recentColumns(false) + ", "
      + VERSION_COLUMN;
  /** The coach data from the window's starts on, its version, the tally; by the number of pending entries. */
  static final NamedSql[] READ = PanacheUsageEntryRepository.withPendingForms(COACH_DATA_COLUMNS + ", "
      + PanacheUsageEntryRepository.TALLY_COLUMNS);
  /** The version and the tally, when the cache has the user's coach data; by the number of pending entries. */
  static final NamedSql[] READ_VERSION = PanacheUsageEntryRepository.withPendingForms(VERSION_COLUMN + ", "
      + PanacheUsageEntryRepository.TALLY_COLUMNS);
  /** The coach data from the window's starts on and its version, when the cache's version is not the user's. */
  static final NamedSql READ_COACH_DATA = NamedSql.of("SELECT " + COACH_DATA_COLUMNS);
  /** The version column of {@link #READ} and {@link #READ_COACH_DATA}: after the seven of the coach data. */
  private static final int VERSION_AFTER_DATA = 8;

  private final CoachDataMapper mapper;
  private final PlanMapper planMapper;
  private final DataSource dataSource;
  /** The ledger's writer, whose pending entries the tally accounts for (ADR-0025); null if it has none. */
  private final UsageEntryWriter writer;
  private final CoachDataCache cache;

  @Inject
  PanacheTurnStartRepository(CoachDataMapper mapper, PlanMapper planMapper, DataSource dataSource,
      PanacheUsageEntryRepository ledger,
      @ConfigProperty(name = "coach.persistence.coach-data-cache-size", defaultValue = "10000") int cacheSize) {
    this(mapper, planMapper, dataSource, ledger.writer(), cacheSize == 0 ? null : new CoachDataCache(cacheSize));
  }

  /** With {@code cache} null, every read reads the coach data. */
  PanacheTurnStartRepository(CoachDataMapper mapper, PlanMapper planMapper, DataSource dataSource,
      UsageEntryWriter writer, CoachDataCache cache) {
    this.mapper = mapper;
    this.planMapper = planMapper;
    this.dataSource = dataSource;
    this.writer = writer;
    this.cache = cache;
  }

  @Override
  public TurnStartData read(UserId userId, CoachDataWindow window, Instant costSince, Instant responsesSince) {
    List<UsageEntry> pending = PanacheUsageEntryRepository.pendingOf(writer, userId);
    NamedSql.Params params = PanacheUsageEntryRepository.tallyParams(
        PanacheCoachDataRepository.recentParams(new NamedSql.Params(), userId, window), userId, costSince,
        responsesSince, pending);
    CoachDataCache.Entry cached = cache == null ? null : cache.find(userId, window);
    if (cached == null) {
      NamedSql sql = PanacheUsageEntryRepository.form(READ, pending.size());
      return Jdbc.run(dataSource, sql.sql(), statement -> params.bind(sql, statement), statement -> {
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          CoachDataCache.Entry read = readCoachData(row, userId, window);
          return new TurnStartData(CoachDataCache.dataIn(read.data(), window), PanacheUsageEntryRepository
              .readTally(row, VERSION_AFTER_DATA + 1, pending, costSince, responsesSince));
        }
      });
    }
    NamedSql sql = PanacheUsageEntryRepository.form(READ_VERSION, pending.size());
    VersionAndTally read = Jdbc.run(dataSource, sql.sql(), statement -> params.bind(sql, statement), statement -> {
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return new VersionAndTally(row.getLong(1),
            PanacheUsageEntryRepository.readTally(row, 2, pending, costSince, responsesSince));
      }
    });
    CoachDataCache.Entry current = read.version() == cached.version() ? cached
        : Jdbc.run(dataSource, READ_COACH_DATA.sql(), statement -> params.bind(READ_COACH_DATA, statement),
            statement -> {
              try (ResultSet row = statement.executeQuery()) {
                row.next();
                return readCoachData(row, userId, window);
              }
            });
    return new TurnStartData(CoachDataCache.dataIn(current.data(), window), read.tally());
  }

  /** What {@link #READ_VERSION} reads. */
  private record VersionAndTally(long version, UsageTally tally) {
  }

  /** The coach data and its version from the current row, kept in the cache. */
  private CoachDataCache.Entry readCoachData(ResultSet row, UserId userId, CoachDataWindow window)
      throws SQLException {
    RecentCoachData data = PanacheCoachDataRepository.readRecent(row, 1, mapper, planMapper);
    CoachDataCache.Entry entry = new CoachDataCache.Entry(row.getLong(VERSION_AFTER_DATA), window, data);
    if (cache != null) {
      cache.put(userId, entry);
    }
    return entry;
  }
}
