package dev.coachkit.adapter.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL written with {@code :name} parameters, as the adapters' native queries are, turned once into JDBC's positional
 * form; a name may occur several times. {@code ::} (PostgreSQL casts) is left alone. The SQL must not hold a colon
 * inside a string literal.
 */
public final class NamedSql {
  private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z][A-Za-z0-9_]*)");

  private final String sql;
  private final List<String> names;

  private NamedSql(String sql, List<String> names) {
    this.sql = sql;
    this.names = names;
  }

  /** Parses the SQL once; keep the result in a constant. */
  public static NamedSql of(String namedSql) {
    List<String> names = new ArrayList<>();
    Matcher matcher = PARAMETER.matcher(namedSql);
    StringBuilder positional = new StringBuilder();
    while (matcher.find()) {
      names.add(matcher.group(1));
      matcher.appendReplacement(positional, "?");
    }
    matcher.appendTail(positional);
    return new NamedSql(positional.toString(), List.copyOf(names));
  }

  /** The positional SQL. */
  public String sql() {
    return sql;
  }

  /** Parameter values by name; {@link #bind} fails on a name the SQL uses but no value was given for. */
  public static final class Params {
    @FunctionalInterface
    private interface Setter {
      void set(PreparedStatement statement, int index) throws SQLException;
    }

    private final Map<String, Setter> setters = new HashMap<>();

    public Params uuid(String name, UUID value) {
      setters.put(name, (s, i) -> {
        if (value == null) {
          s.setNull(i, Types.OTHER);
        } else {
          s.setObject(i, value);
        }
      });
      return this;
    }

    /** A {@code uuid[]} parameter. */
    public Params uuids(String name, UUID[] values) {
      setters.put(name, (s, i) -> s.setArray(i, s.getConnection().createArrayOf("uuid", values)));
      return this;
    }

    public Params text(String name, String value) {
      setters.put(name, (s, i) -> s.setString(i, value));
      return this;
    }

    public Params instant(String name, Instant value) {
      setters.put(name, (s, i) -> {
        if (value == null) {
          s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
          s.setObject(i, value.atOffset(ZoneOffset.UTC));
        }
      });
      return this;
    }

    public Params date(String name, LocalDate value) {
      setters.put(name, (s, i) -> s.setObject(i, value, Types.DATE));
      return this;
    }

    public Params bool(String name, boolean value) {
      setters.put(name, (s, i) -> s.setBoolean(i, value));
      return this;
    }

    public Params number(String name, long value) {
      setters.put(name, (s, i) -> s.setLong(i, value));
      return this;
    }

    /** Binds every parameter of the SQL. */
    public void bind(NamedSql sql, PreparedStatement statement) throws SQLException {
      for (int index = 0; index < sql.names.size(); index++) {
        Setter setter = setters.get(sql.names.get(index));
        if (setter == null) {
          throw new IllegalArgumentException("No value for :" + sql.names.get(index));
        }
        setter.set(statement, index + 1);
      }
    }
  }
}
