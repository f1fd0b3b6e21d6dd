package dev.coachkit.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real embedded PostgreSQL 17 (through {@code unshare -U} when the build runs as root), stops it and
 * starts it again on the same directory.
 */
class EmbeddedDatabaseTest {

  @TempDir
  Path dataDir;

  @Test
  void givenEmptyDirectory_startWriteStopStart_keepsTheData() throws Exception {
    Path cluster = dataDir.resolve("pg");
    try (EmbeddedDatabase first = EmbeddedDatabase.start(cluster, false);
        Connection c = first.connect();
        Statement s = c.createStatement()) {
      assertThat(first.jdbcUrl()).endsWith("/" + EmbeddedDatabase.DATABASE);
      assertThat(setting(s, "fsync") + setting(s, "synchronous_commit")).as("fsync and synchronous_commit")
          .isEqualTo("onon");
      assertThat(setting(s, "min_wal_size")).as("WAL segments kept for reuse (ADR-0017)")
          .isEqualTo(EmbeddedDatabase.MIN_WAL_SIZE);
      assertThat(setting(s, "backend_flush_after")).as("backends' writes written out as they go (ADR-0019)")
          .isEqualTo(EmbeddedDatabase.BACKEND_FLUSH_AFTER);
      assertThat(setting(s, "autovacuum_vacuum_cost_delay")).as("autovacuum's work spread out (ADR-0027)")
          .isEqualTo(EmbeddedDatabase.AUTOVACUUM_VACUUM_COST_DELAY);
      s.execute("CREATE TABLE restart_probe (note text)");
      s.execute("INSERT INTO restart_probe VALUES ('kept across restarts')");
    }
    assertThat(cluster.resolve("PG_VERSION")).exists();
    assertThat(Files.readString(cluster.resolve("PG_VERSION")).trim()).isEqualTo("17");
    assertThat(cluster.resolve("postmaster.pid")).doesNotExist();

    try (EmbeddedDatabase second = EmbeddedDatabase.start(cluster, false);
        Connection c = second.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT note FROM restart_probe")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("kept across restarts");
    }
  }

  @Test
  void givenStalePidFileFromACrashedRun_start_removesItAndStarts() throws Exception {
    Path cluster = dataDir.resolve("pg");
    EmbeddedDatabase.start(cluster, false).close();
    // a pid that is not a running postgres, as left behind by a machine crash
    Files.writeString(cluster.resolve("postmaster.pid"), "2147483000\n" + cluster + "\n");

    try (EmbeddedDatabase restarted = EmbeddedDatabase.start(cluster, false);
        Connection c = restarted.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
    }
  }

  /** The running server's value of a setting, as {@code current_setting} gives it. */
  private static String setting(Statement statement, String name) throws Exception {
    try (ResultSet value = statement.executeQuery("SELECT current_setting('" + name + "')")) {
      assertThat(value.next()).isTrue();
      return value.getString(1);
    }
  }
}
