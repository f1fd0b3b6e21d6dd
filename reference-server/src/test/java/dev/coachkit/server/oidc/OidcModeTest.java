package dev.coachkit.server.oidc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The server with an identity provider (the in-test {@link TestOidcProvider}): it tells browsers how to sign in
 * there, accepts the provider's access tokens for this API, and refuses everything else with the same 401 as in
 * local mode.
 */
@QuarkusTest
@QuarkusTestResource(value = TestOidcProviderResource.class, restrictToAnnotatedClass = true)
class OidcModeTest {

  @InjectOidcProvider
  TestOidcProvider provider;

  @Inject
  MeterRegistry registry;

  @Test
  void givenIdentityProvider_clientConfig_describesThePublicClientWithoutAToken() {
    given().when().get("/api/client-config")
        .then().statusCode(200)
        .header("Cache-Control", containsString("no-store"))
        .body("mode", equalTo("oidc"))
        .body("oidc.issuer", equalTo(provider.issuer()))
        .body("oidc.clientId", equalTo(TestOidcProviderResource.CLIENT_ID))
        .body("oidc.scopes", equalTo("openid profile offline_access"));
  }

  @Test
  void givenProviderAccessToken_whoami_answersItsSubject() {
    String token = provider.accessToken("olivia", TestOidcProvider.API_AUDIENCE, Duration.ofMinutes(5));

    given().auth().oauth2(token).when().get("/api/coach/whoami")
        .then().statusCode(200).body("subject", equalTo(TestOidcProvider.subjectOf("olivia")));
  }

  @Test
  void givenProviderAccessToken_usage_isServed() {
    String token = provider.accessToken("olivia", TestOidcProvider.API_AUDIENCE, Duration.ofMinutes(5));

    given().auth().oauth2(token).when().get("/api/coach/usage").then().statusCode(200);
  }

  @Test
  void givenProviderAccessToken_voiceTicket_isIssued() {
    // The web client authorises the voice WebSocket with a ticket bought with its bearer token (ADR-0009).
    String token = provider.accessToken("olivia", TestOidcProvider.API_AUDIENCE, Duration.ofMinutes(5));

    given().auth().oauth2(token).when().post("/api/coach/voice/tickets")
        .then().statusCode(200).body("ticket", startsWith("vt_"));
  }

  @Test
  void givenTokenForAnotherAudience_whoami_isUnauthorized() {
    String token = provider.accessToken("olivia", "some-other-api", Duration.ofMinutes(5));

    given().auth().oauth2(token).when().get("/api/coach/whoami").then().statusCode(401);
  }

  @Test
  void givenIdTokenAsBearer_whoami_isUnauthorized() {
    // An id token is for the client (aud = client id), not for this API.
    String token = provider.idToken("olivia", TestOidcProviderResource.CLIENT_ID);

    given().auth().oauth2(token).when().get("/api/coach/whoami").then().statusCode(401);
  }

  @Test
  void givenExpiredAccessToken_whoami_isUnauthorized() {
    String token = provider.accessToken("olivia", TestOidcProvider.API_AUDIENCE, Duration.ofMinutes(-2));

    given().auth().oauth2(token).when().get("/api/coach/whoami").then().statusCode(401);
  }

  @Test
  void givenTokenSignedByAnUnpublishedKey_whoami_isUnauthorized() {
    given().auth().oauth2(provider.accessTokenSignedByAnotherKey("olivia")).when().get("/api/coach/whoami")
        .then().statusCode(401);
  }

  @Test
  void givenNoToken_api_answers401WithABearerChallenge() {
    given().contentType(ContentType.JSON).body("{}").when().post("/api/coach/chat")
        .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
  }

  @Test
  void givenIdentityProvider_localTokens_areRefused() {
    given().contentType(ContentType.JSON).body("{\"user\":\"mallory\"}").when().post("/local/tokens")
        .then().statusCode(403).body("error", containsString("OIDC issuer"));
  }

  // The verified-token cache (ADR 0021) in front of quarkus-oidc's verification.

  @Test
  void givenVerifiedTokens_laterRequests_areServedFromTheCacheEachAsItsOwnSubject() {
    String olivia = provider.accessToken("olivia", TestOidcProvider.API_AUDIENCE, Duration.ofMinutes(5));
    String noah = provider.accessToken("noah", TestOidcProvider.API_AUDIENCE, Duration.ofMinutes(5));
    double hits = tokenCache("hit");
    double stored = tokenCache("stored");

    for (int i = 0; i < 3; i++) {
      whoami(olivia).statusCode(200).body("subject", equalTo(TestOidcProvider.subjectOf("olivia")));
      whoami(noah).statusCode(200).body("subject", equalTo(TestOidcProvider.subjectOf("noah")));
    }

    assertThat(tokenCache("stored") - stored).isEqualTo(2.0);
    assertThat(tokenCache("hit") - hits).isEqualTo(4.0);
  }

  @Test
  void givenCachedToken_copiesWithAnotherSignatureOrPayload_areUnauthorized() {
    String token = provider.accessToken("olivia", TestOidcProvider.API_AUDIENCE, Duration.ofMinutes(5));
    whoami(token).statusCode(200);
    whoami(token).statusCode(200);
    String[] parts = token.split("\\.");
    int middle = parts[2].length() / 2;
    char swapped = parts[2].charAt(middle) == 'A' ? 'B' : 'A';
    String otherSignature = parts[0] + "." + parts[1] + "."
        + parts[2].substring(0, middle) + swapped + parts[2].substring(middle + 1);
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace(TestOidcProvider.subjectOf("olivia"), TestOidcProvider.subjectOf("mallory"));
    String otherPayload = parts[0] + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
        + parts[2];

    whoami(otherSignature).statusCode(401);
    whoami(otherPayload).statusCode(401);
    whoami(token).statusCode(200).body("subject", equalTo(TestOidcProvider.subjectOf("olivia")));
  }

  @Test
  void givenCachedToken_afterItsExpiry_isUnauthorized() throws Exception {
    String token = provider.accessToken("olivia", TestOidcProvider.API_AUDIENCE, Duration.ofSeconds(3));
    Instant expiry = Instant.ofEpochSecond(claims(token).get("exp").asLong());
    double hits = tokenCache("hit");
    whoami(token).statusCode(200);
    whoami(token).statusCode(200);
    assertThat(tokenCache("hit") - hits).isEqualTo(1.0);

    Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 200);

    whoami(token).statusCode(401);
  }

  private io.restassured.response.ValidatableResponse whoami(String token) {
    return given().auth().oauth2(token).when().get("/api/coach/whoami").then();
  }

  private double tokenCache(String outcome) {
    Counter counter = registry.find("coach.auth.token.cache").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  private static JsonNode claims(String token) throws Exception {
    return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
  }
}
