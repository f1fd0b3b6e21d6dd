package dev.coachkit.adapter.persistence;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** For tests that must see what one connection did (its prepared statements, its WAL position, its settings). */
final class OneConnection {
  private OneConnection() {
  }

  /** A data source that hands out {@code connection} every time, which its users' {@code close()} leaves open. */
  static DataSource dataSource(Connection connection) {
    return dataSource(connection, new ArrayList<>());
  }

  /** {@link #dataSource(Connection)}, which also adds the text of every statement prepared on it to {@code sql}. */
  static DataSource dataSource(Connection connection, List<String> sql) {
    Connection kept = (Connection) Proxy.newProxyInstance(OneConnection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if ("close".equals(method.getName())) {
            return null;
          }
          if ("prepareStatement".equals(method.getName())) {
            sql.add((String) args[0]);
          }
          return method.invoke(connection, args);
        });
    return (DataSource) Proxy.newProxyInstance(OneConnection.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          if ("getConnection".equals(method.getName())) {
            return kept;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
