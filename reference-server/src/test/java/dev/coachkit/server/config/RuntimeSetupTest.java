package dev.coachkit.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RuntimeSetupTest {

  private static final Path HOME = Path.of("/home/coach");

  private static Function<String, Optional<String>> config(Map<String, String> values) {
    return name -> Optional.ofNullable(values.get(name));
  }

  @Test
  void givenNoConfiguration_decide_usesEmbeddedDatabaseAndLocalIssuerUnderTheHomeDirectory() {
    RuntimeSetup setup = RuntimeSetup.decide(config(Map.of()), List.of("local"), HOME);

    assertThat(setup.databaseMode()).isEqualTo(RuntimeSetup.DatabaseMode.EMBEDDED);
    assertThat(setup.dataDir()).isEqualTo(Path.of("/home/coach/.coachkit/data"));
    assertThat(setup.databaseLocation()).isEqualTo("/home/coach/.coachkit/data/pg");
    assertThat(setup.authMode()).isEqualTo(RuntimeSetup.AuthMode.LOCAL);
    assertThat(setup.properties())
        .containsEntry("quarkus.oidc.token.issuer", RuntimeSetup.LOCAL_ISSUER)
        .containsEntry(RuntimeSetup.DATABASE_MODE, "embedded")
        .containsEntry(RuntimeSetup.AUTH_MODE, "local")
        .doesNotContainKey("quarkus.datasource.jdbc.url")
        .doesNotContainKey("quarkus.oidc.auth-server-url");
  }

  @Test
  void givenDataDir_decide_keepsEverythingThere() {
    RuntimeSetup setup = RuntimeSetup.decide(config(Map.of("coach.data-dir", "/srv/coach")), List.of("dev"), HOME);

    assertThat(setup.dataDir()).isEqualTo(Path.of("/srv/coach"));
    assertThat(RuntimeSetup.issuerKeyDirectory(setup.dataDir())).isEqualTo(Path.of("/srv/coach/issuer"));
    assertThat(setup.databaseLocation()).isEqualTo("/srv/coach/pg");
  }

  @Test
  void givenCoachDbUrl_decide_usesItAsTheDatasourceAndStartsNothingEmbedded() {
    RuntimeSetup setup = RuntimeSetup.decide(config(Map.of(
        "coach.db.url", "jdbc:postgresql://db:5432/coach",
        "coach.db.user", "coach",
        "coach.db.password", "s3cret")), List.of("prod"), HOME);

    assertThat(setup.databaseMode()).isEqualTo(RuntimeSetup.DatabaseMode.EXTERNAL);
    assertThat(setup.properties())
        .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/coach")
        .containsEntry("quarkus.datasource.username", "coach")
        .containsEntry("quarkus.datasource.password", "s3cret")
        .containsEntry(RuntimeSetup.DATABASE_MODE, "external");
  }

  @Test
  void givenQuarkusDatasourceUrl_decide_leavesTheDatasourceAlone() {
    RuntimeSetup setup = RuntimeSetup.decide(config(Map.of(
        "quarkus.datasource.jdbc.url", "jdbc:postgresql://other:5432/x",
        "coach.db.url", "jdbc:postgresql://ignored:5432/y")), List.of("prod"), HOME);

    assertThat(setup.databaseMode()).isEqualTo(RuntimeSetup.DatabaseMode.EXTERNAL);
    assertThat(setup.databaseLocation()).isEqualTo("jdbc:postgresql://other:5432/x");
    assertThat(setup.properties()).doesNotContainKeys("quarkus.datasource.jdbc.url", "quarkus.datasource.password");
  }

  @Test
  void givenProductionProfileWithoutDatabase_decide_failsWithAClearMessage() {
    assertThatThrownBy(() -> RuntimeSetup.decide(config(Map.of()), List.of("prod"), HOME))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("COACH_DB_URL")
        .hasMessageContaining("never starts the embedded PostgreSQL");
  }

  @Test
  void givenBlankDbUrl_decide_treatsItAsAbsent() {
    RuntimeSetup setup = RuntimeSetup.decide(config(Map.of("coach.db.url", "  ")), List.of("test"), HOME);

    assertThat(setup.databaseMode()).isEqualTo(RuntimeSetup.DatabaseMode.EMBEDDED);
  }

  @Test
  void givenOidcIssuer_decide_turnsTheLocalIssuerOff() {
    RuntimeSetup setup = RuntimeSetup.decide(config(Map.of(
        "coach.oidc.issuer", "https://idp.example/realms/coach",
        "coach.oidc.audience", "coachkit-api")), List.of("local"), HOME);

    assertThat(setup.authMode()).isEqualTo(RuntimeSetup.AuthMode.OIDC);
    assertThat(setup.authIssuer()).isEqualTo("https://idp.example/realms/coach");
    assertThat(setup.properties())
        .containsEntry("quarkus.oidc.auth-server-url", "https://idp.example/realms/coach")
        .containsEntry("quarkus.oidc.token.audience", "coachkit-api")
        .doesNotContainKey("quarkus.oidc.token.issuer")
        .containsEntry(RuntimeSetup.AUTH_MODE, "oidc");
  }

  @Test
  void givenQuarkusOidcServerUrl_decide_usesOidcModeWithoutOverridingIt() {
    RuntimeSetup setup = RuntimeSetup.decide(config(Map.of(
        "quarkus.oidc.auth-server-url", "https://idp.example/realms/x")), List.of("local"), HOME);

    assertThat(setup.authMode()).isEqualTo(RuntimeSetup.AuthMode.OIDC);
    assertThat(setup.properties()).doesNotContainKey("quarkus.oidc.auth-server-url");
  }

  @Test
  void givenOidcClientId_decide_usesItForTheWebClientToo() {
    RuntimeSetup setup = RuntimeSetup.decide(config(Map.of(
        "coach.oidc.issuer", "https://idp.example/realms/coach",
        "coach.oidc.client-id", "coachkit-web")), List.of("local"), HOME);

    assertThat(setup.properties())
        .containsEntry("quarkus.oidc.client-id", "coachkit-web")
        .containsEntry(RuntimeSetup.WEB_CLIENT_ID, "coachkit-web");
  }

  @Test
  void givenOwnWebClientId_decide_leavesItAlone() {
    RuntimeSetup setup = RuntimeSetup.decide(config(Map.of(
        "quarkus.oidc.auth-server-url", "https://idp.example/realms/x",
        "quarkus.oidc.client-id", "coachkit-server",
        RuntimeSetup.WEB_CLIENT_ID, "coachkit-browser")), List.of("local"), HOME);

    assertThat(setup.properties()).doesNotContainKey(RuntimeSetup.WEB_CLIENT_ID);
  }

  @Test
  void givenQuarkusClientIdOnly_decide_usesItForTheWebClient() {
    RuntimeSetup setup = RuntimeSetup.decide(config(Map.of(
        "quarkus.oidc.auth-server-url", "https://idp.example/realms/x",
        "quarkus.oidc.client-id", "coachkit-server")), List.of("local"), HOME);

    assertThat(setup.properties()).containsEntry(RuntimeSetup.WEB_CLIENT_ID, "coachkit-server");
  }

  @Test
  void givenLocalIssuerAndClientId_decide_setsNoWebClientId() {
    RuntimeSetup setup = RuntimeSetup.decide(config(Map.of("coach.oidc.client-id", "coachkit-web")),
        List.of("local"), HOME);

    assertThat(setup.authMode()).isEqualTo(RuntimeSetup.AuthMode.LOCAL);
    assertThat(setup.properties()).doesNotContainKey(RuntimeSetup.WEB_CLIENT_ID);
  }

  @Test
  void givenUrlWithCredentials_withoutSecrets_hidesThem() {
    assertThat(RuntimeSetup.withoutSecrets("jdbc:postgresql://db/coach?user=coach&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/coach?user=coach&password=***&ssl=true");
    assertThat(RuntimeSetup.withoutSecrets("jdbc:postgresql://coach:s3cret@db/coach"))
        .isEqualTo("jdbc:postgresql://***@db/coach");
  }
}
