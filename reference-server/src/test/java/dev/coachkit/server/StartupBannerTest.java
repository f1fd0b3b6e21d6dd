package dev.coachkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class StartupBannerTest {

  private static Config config(Map<String, String> values) {
    return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
  }

  @Test
  void givenEmbeddedDefaults_line_namesTheDirectoryTheLocalIssuerAndTheMissingModelKey() {
    String line = StartupBanner.line(config(Map.of(
        "coach.runtime.database-mode", "embedded",
        "coach.runtime.database-location", "/home/a/.coachkit/data/pg",
        "coach.runtime.auth-mode", "local",
        "coach.runtime.data-dir", "/home/a/.coachkit/data")));

    assertThat(line)
        .contains("embedded PostgreSQL at /home/a/.coachkit/data/pg")
        .contains("local issuer")
        .contains("no model provider configured: set COACH_OPENAI_API_KEY");
  }

  @Test
  void givenExternalDatabaseOidcAndApiKey_line_namesThemWithoutTheKey() {
    String line = StartupBanner.line(config(Map.of(
        "coach.runtime.database-mode", "external",
        "coach.runtime.database-location", "jdbc:postgresql://db/coach",
        "coach.runtime.auth-mode", "oidc",
        "coach.runtime.auth-issuer", "https://idp.example/realms/coach",
        "coach.openai.api-key", "sk-test-123",
        "coach.openai.base-url", "http://localhost:9999/v1")));

    assertThat(line)
        .contains("external PostgreSQL jdbc:postgresql://db/coach")
        .contains("OIDC issuer https://idp.example/realms/coach")
        .contains("model provider openai at http://localhost:9999/v1")
        .doesNotContain("sk-test-123");
  }
}
