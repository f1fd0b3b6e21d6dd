package dev.coachkit.server.oidc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
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
}
