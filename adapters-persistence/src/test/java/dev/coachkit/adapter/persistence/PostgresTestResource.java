package dev.coachkit.adapter.persistence;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * A real PostgreSQL for the adapter's tests: the one COACH_TEST_DB_URL names (with COACH_TEST_DB_USER and
 * COACH_TEST_DB_PASSWORD), or else a throw-away embedded PostgreSQL 17 from the zonky binaries. As root, zonky
 * runs initdb and postgres through {@code unshare -U}. Tests use fresh random user ids, so a shared database is fine.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
  private EmbeddedPostgres postgres;

  @Override
  public Map<String, String> start() {
    String url = System.getenv("COACH_TEST_DB_URL");
    if (url != null && !url.isBlank()) {
      return Map.of(
          "quarkus.datasource.jdbc.url", url,
          "quarkus.datasource.username", envOr("COACH_TEST_DB_USER", "postgres"),
          "quarkus.datasource.password", envOr("COACH_TEST_DB_PASSWORD", ""));
    }
    try {
      postgres = EmbeddedPostgres.builder()
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("listen_addresses", "localhost")
          .setServerConfig("max_connections", "100")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL; set COACH_TEST_DB_URL instead", e);
    }
    return Map.of(
        "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
        "quarkus.datasource.username", "postgres",
        "quarkus.datasource.password", "");
  }

  @Override
  public void stop() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }
}
