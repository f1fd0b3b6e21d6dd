package dev.coachkit.adapter.persistence.internal;

import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Plain JDBC for a few hot single-statement paths, through the application's (Agroal) data source.
 *
 * <p>Inside a JTA transaction Agroal enlists the connection in it, so the statement commits or rolls back with it,
 * exactly as a native query through the entity manager would; what it saves is the Hibernate session (open, flush,
 * close) and the native-query plumbing around one statement. Without one (the per-turn calls, ADR-0013) the
 * connection is in autocommit mode: the statement is its own transaction, committed by PostgreSQL as it completes,
 * with no BEGIN and no separate COMMIT round trip. Failures surface as {@link PersistenceException}, as they would
 * from Hibernate.
 */
public final class Jdbc {

  /** Sets the parameters of a statement. */
  @FunctionalInterface
  public interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Reads the result of an executed statement. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(PreparedStatement statement) throws SQLException;
  }

  /** Reads one row of a result set. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private Jdbc() {
  }

  /** Runs one statement: in the current transaction, or on its own (autocommit) when there is none. */
  public static <T> T run(DataSource dataSource, String sql, Binder binder, Reader<T> reader) {
    return run(dataSource, connection -> sql, binder, reader);
  }

  /** Chooses a statement's text by the connection it will run on. */
  @FunctionalInterface
  public interface SqlChooser {
    String choose(Connection connection) throws SQLException;
  }

  /**
   * Runs one statement as {@link #run} does, its text chosen by the connection: for example by whether it is in a
   * caller's transaction ({@link Connection#getAutoCommit()} false) or will be a transaction of its own.
   */
  public static <T> T run(DataSource dataSource, SqlChooser sql, Binder binder, Reader<T> reader) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql.choose(connection))) {
      binder.bind(statement);
      return reader.read(statement);
    } catch (SQLException failure) {
      throw new PersistenceException(failure.getMessage(), failure);
    }
  }

  /** Runs one query as {@link #run} does and reads every row it returns, in order. */
  public static <T> List<T> list(DataSource dataSource, String sql, Binder binder, RowReader<T> rowReader) {
    return run(dataSource, sql, binder, statement -> {
      try (ResultSet result = statement.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (result.next()) {
          rows.add(rowReader.read(result));
        }
        return rows;
      }
    });
  }

  /** An instant as a {@code timestamptz} parameter (UTC offset; the driver has no binding for Instant). */
  public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, value.atOffset(ZoneOffset.UTC));
    }
  }

  /** A UUID parameter, or SQL NULL. */
  public static void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.OTHER);
    } else {
      statement.setObject(index, value);
    }
  }
}
