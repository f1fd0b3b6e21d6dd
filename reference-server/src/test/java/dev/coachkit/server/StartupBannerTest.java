package dev.coachkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class StartupBannerTest {

  private static Config config(Map<String, String> values) {
    return config(values, "local");
  }

  private static Config config(Map<String, String> values, String profile) {
    return new SmallRyeConfigBuilder().withProfile(profile)
        .withSources(new PropertiesConfigSource(values, "test", 100)).build();
  }

  @Test
  void givenLocalIssuerInProduction_line_saysMintingIsOffAndWhatToSet() {
    String line = StartupBanner.line(config(Map.of(
        "coach.runtime.database-mode", "external",
        "coach.runtime.database-location", "jdbc:postgresql://db/coach",
        "coach.runtime.auth-mode", "local",
        "coach.runtime.data-dir", "/srv/coach"), "prod"));

    assertThat(line)
        .contains("local issuer (keys in /srv/coach/issuer; token minting is off in the prod profile")
        .contains("COACH_OIDC_ISSUER")
        .doesNotContain("POST /local/tokens");
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
        .contains("local issuer (keys in /home/a/.coachkit/data/issuer; mint tokens with POST /local/tokens)")
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
        .contains("OIDC issuer https://idp.example/realms/coach (token audience NOT checked")
        .contains("web sign-in off: set COACH_OIDC_CLIENT_ID")
        .contains("model provider openai at http://localhost:9999/v1")
        .doesNotContain("sk-test-123");
  }

  @Test
  void givenOidcWithAudienceAndWebClient_line_namesBoth() {
    String line = StartupBanner.line(config(Map.of(
        "coach.runtime.database-mode", "external",
        "coach.runtime.database-location", "jdbc:postgresql://db/coach",
        "coach.runtime.auth-mode", "oidc",
        "coach.runtime.auth-issuer", "https://idp.example/realms/coach",
        "quarkus.oidc.token.audience", "coachkit-api",
        "coach.web.oidc.client-id", "coachkit-web")));

    assertThat(line)
        .contains("OIDC issuer https://idp.example/realms/coach (access tokens for coachkit-api), web sign-in as"
            + " client coachkit-web")
        .doesNotContain("NOT checked");
  }
}
