package dev.coachkit.adapter.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientConfigResourceTest {

  @Test
  void givenNoAuthServer_describe_saysLocal() {
    ClientConfigResource.ClientConfigResponse config = ClientConfigResource.describe(Optional.of("  "),
        Optional.of("https://idp.example"), Optional.of("web"), "openid", Map.of());

    assertThat(config.mode()).isEqualTo("local");
    assertThat(config.oidc()).isNull();
  }

  @Test
  void givenAuthServer_describe_givesItsIssuerClientAndScopes() {
    ClientConfigResource.ClientConfigResponse config = ClientConfigResource.describe(
        Optional.of("https://idp.example/realms/coach"), Optional.empty(), Optional.of(" coachkit-web "),
        "openid  profile", Map.of("audience", "coachkit-api"));

    assertThat(config.mode()).isEqualTo("oidc");
    assertThat(config.oidc().issuer()).isEqualTo("https://idp.example/realms/coach");
    assertThat(config.oidc().clientId()).isEqualTo("coachkit-web");
    assertThat(config.oidc().scopes()).isEqualTo("openid profile");
    assertThat(config.oidc().authorizeParameters()).containsEntry("audience", "coachkit-api");
  }

  @Test
  void givenBrowserIssuer_describe_prefersItToTheServersUrl() {
    ClientConfigResource.ClientConfigResponse config = ClientConfigResource.describe(
        Optional.of("http://keycloak:8080/realms/coach"), Optional.of("https://login.example/realms/coach/"),
        Optional.empty(), "openid", Map.of());

    assertThat(config.oidc().issuer()).isEqualTo("https://login.example/realms/coach/");
    assertThat(config.oidc().clientId()).isNull();
  }

  @Test
  void givenScopesWithoutOpenid_describe_addsIt() {
    ClientConfigResource.ClientConfigResponse config = ClientConfigResource.describe(
        Optional.of("https://idp.example"), Optional.empty(), Optional.of("web"), "profile email", Map.of());

    assertThat(config.oidc().scopes()).isEqualTo("openid profile email");
  }
}
