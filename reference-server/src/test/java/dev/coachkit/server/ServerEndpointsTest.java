package dev.coachkit.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * The server as a client sees it, against the PostgreSQL .ci/run provides through COACH_DB_URL (or the embedded
 * one when nothing is configured), with the local issuer.
 */
@QuarkusTest
class ServerEndpointsTest {

  private static String mintTokenFor(String user) {
    return given().contentType(ContentType.JSON).body("{\"user\":\"" + user + "\"}")
        .when().post("/local/tokens")
        .then().statusCode(200).body("tokenType", equalTo("Bearer"))
        .extract().path("accessToken");
  }

  @Test
  void givenRunningServer_health_isUpWithTheDatabaseCheck() {
    given().when().get("/q/health")
        .then().statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("Database connections health check"))
        .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
  }

  @Test
  void givenTokenMintedForAlice_whoami_answersAlice() {
    String token = mintTokenFor("alice");

    given().auth().oauth2(token).when().get("/api/coach/whoami")
        .then().statusCode(200).body("subject", equalTo("alice"));
  }

  @Test
  void givenGarbageToken_whoami_isUnauthorized() {
    given().auth().oauth2("garbage").when().get("/api/coach/whoami").then().statusCode(401);
  }

  @Test
  void givenTokenWithForgedSignature_whoami_isUnauthorized() {
    String[] parts = mintTokenFor("alice").split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

    given().auth().oauth2(forged).when().get("/api/coach/whoami").then().statusCode(401);
  }

  @Test
  void givenNoToken_whoami_isUnauthorized() {
    given().when().get("/api/coach/whoami").then().statusCode(401);
  }

  @Test
  void givenLocalIssuer_clientConfig_tellsTheBrowserToSignInLocally() {
    given().when().get("/api/client-config")
        .then().statusCode(200)
        .body("mode", equalTo("local"))
        .body("oidc", nullValue());
  }

  @Test
  void givenInvalidUserName_mint_isRejected() {
    given().contentType(ContentType.JSON).body("{\"user\":\"al ice<script>\"}")
        .when().post("/local/tokens").then().statusCode(400);
  }

  @Test
  void givenRunningServer_openapi_describesTheApi() {
    given().accept("application/json").when().get("/q/openapi")
        .then().statusCode(200).body(containsString("/api/coach/whoami"));
  }

  @Test
  void givenRunningServer_metrics_areInPrometheusTextFormat() {
    given().accept("text/plain").when().get("/q/metrics")
        .then().statusCode(200)
        .contentType(containsString("text/plain"))
        .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
  }
}
