package dev.coachkit.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.coachkit.server.config.RuntimeSetup;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The zero-configuration path: even where .ci/run provides a PostgreSQL, this test runs on the embedded one. */
@QuarkusTest
@TestProfile(EmbeddedDefaultsTest.NoDatabaseConfigured.class)
class EmbeddedDefaultsTest {

  /** Blanks COACH_DB_URL, so the setup sees no database and starts the embedded one. */
  public static class NoDatabaseConfigured implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("coach.db.url", "", "coach.data-dir", "target/embedded-defaults-test-data");
    }
  }

  @Inject
  AgroalDataSource dataSource;

  @ConfigProperty(name = RuntimeSetup.DATABASE_MODE)
  String databaseMode;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @Test
  void givenNoDatabaseConfigured_start_runsOnTheEmbeddedPostgresMigratedByFlyway() throws Exception {
    assertThat(databaseMode).isEqualTo("embedded");
    assertThat(jdbcUrl).startsWith("jdbc:postgresql://localhost:").endsWith("/coachkit");
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version(), (SELECT bool_and(success) FROM flyway_schema_history),"
            + " to_regclass('public.messages') IS NOT NULL")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).startsWith("PostgreSQL 17");
      assertThat(rs.getBoolean(2)).as("every Flyway migration succeeded").isTrue();
      assertThat(rs.getBoolean(3)).as("the persistence adapter's schema is in place").isTrue();
    }
    given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
  }
}
