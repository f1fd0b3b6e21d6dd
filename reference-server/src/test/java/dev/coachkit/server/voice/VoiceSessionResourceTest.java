package dev.coachkit.server.voice;

import static dev.coachkit.server.voice.VoiceCallFixtures.caller;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapter.openai.simulator.realtime.RealtimeSimulator;
import dev.coachkit.adapter.openai.simulator.realtime.SimulatedSession;
import dev.coachkit.ports.in.coaching.UpsertCoachProfileUseCase;
import dev.coachkit.server.voice.VoiceCallFixtures.Caller;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The voice REST API and WebSocket authentication, with the Realtime simulator as OpenAI. */
@QuarkusTest
@WithTestResource(RealtimeSimulatorResource.class)
class VoiceSessionResourceTest {
  static final Duration WAIT = Duration.ofSeconds(10);

  @Inject
  UpsertCoachProfileUseCase profiles;

  @Test
  void givenRelaySession_startTwiceGetAsOtherUserAndEnd_answer201Then409Then404Then200() {
    Caller fay = caller(profiles, "Fay");
    Caller gus = caller(profiles, "Gus");
    String id = given().auth().oauth2(fay.token()).contentType(ContentType.JSON).body("{}")
        .when().post("/api/coach/voice/sessions")
        .then().statusCode(201)
        .body("status", equalTo("created")).body("transport", equalTo("relay")).body("voice", notNullValue())
        .body("expiresAt", notNullValue()).body("clientSecret", nullValue())
        .body("websocketPath", startsWith("/ws/coach/voice?session="))
        .extract().path("id");

    given().auth().oauth2(fay.token()).contentType(ContentType.JSON).body("{\"transport\":\"relay\"}")
        .when().post("/api/coach/voice/sessions")
        .then().statusCode(409).contentType("application/problem+json")
        .body("reason", equalTo("VOICE_SESSION_ACTIVE")).body("status", equalTo(409));
    given().auth().oauth2(gus.token()).when().get("/api/coach/voice/sessions/" + id)
        .then().statusCode(404).contentType("application/problem+json").body("reason", equalTo("NOT_FOUND"));
    given().auth().oauth2(gus.token()).when().post("/api/coach/voice/sessions/" + id + "/end")
        .then().statusCode(404);
    given().auth().oauth2(fay.token()).when().get("/api/coach/voice/sessions/" + id)
        .then().statusCode(200).body("id", equalTo(id)).body("status", equalTo("created"));
    given().auth().oauth2(fay.token()).when().post("/api/coach/voice/sessions/" + id + "/end")
        .then().statusCode(200).body("status", equalTo("ended")).body("endReason", equalTo("user_ended"));
    given().auth().oauth2(fay.token()).when().get("/api/coach/voice/sessions/not-a-uuid")
        .then().statusCode(404);
  }

  @Test
  void givenInvalidBodies_start_answers400() {
    Caller hal = caller(profiles, "Hal");
    given().auth().oauth2(hal.token()).contentType(ContentType.JSON).body("{\"transport\":\"carrier-pigeon\"}")
        .when().post("/api/coach/voice/sessions").then().statusCode(400);
    given().auth().oauth2(hal.token()).contentType(ContentType.JSON).body("{\"callId\":\"\"}")
        .when().post("/api/coach/voice/sessions/" + java.util.UUID.randomUUID() + "/call").then().statusCode(400);
    given().contentType(ContentType.JSON).body("{}").when().post("/api/coach/voice/sessions").then().statusCode(401);
  }

  @Test
  void givenWebRtcSession_startAndRegisterTheCall_answersAnEphemeralTokenAndTheServerAttachesToTheCall() {
    RealtimeSimulator sim = RealtimeSimulatorResource.simulator();
    Caller ivy = caller(profiles, "Ivy");
    io.restassured.response.ExtractableResponse<io.restassured.response.Response> started =
        given().auth().oauth2(ivy.token()).contentType(ContentType.JSON).body("{\"transport\":\"webrtc\"}")
            .when().post("/api/coach/voice/sessions")
            .then().statusCode(201).body("transport", equalTo("webrtc")).body("websocketPath", nullValue())
            .extract();
    String id = started.path("id");
    String secret = started.path("clientSecret.value");
    assertThat(secret).startsWith("ek_").isNotEqualTo(sim.apiKey());
    assertThat(started.<String>path("callUrl")).isEqualTo(sim.httpBaseUrl() + "/v1/realtime/calls");
    // The token was minted with the session's configuration (instructions name the user).
    JsonNode request = sim.clientSecretRequests().get(sim.clientSecretRequests().size() - 1);
    assertThat(request.path("session").path("instructions").asText()).contains(ivy.firstName());

    SimulatedSession call = sim.createCall();
    String callId = call.callId().orElseThrow();
    given().auth().oauth2(ivy.token()).contentType(ContentType.JSON).body("{\"callId\":\"" + callId + "\"}")
        .when().post("/api/coach/voice/sessions/" + id + "/call")
        .then().statusCode(200).body("callId", equalTo(callId));

    // The server's sideband socket configures the call and the coach greets first.
    JsonNode update = call.awaitClientEvent("session.update", WAIT);
    assertThat(update.path("session").path("instructions").asText()).contains(ivy.firstName());
    assertThat(call.awaitClientEvent("response.create", WAIT).toString()).contains(ivy.firstName());

    given().auth().oauth2(ivy.token()).when().post("/api/coach/voice/sessions/" + id + "/end")
        .then().statusCode(200).body("status", equalTo("ended"));
  }

  private static void assertRefused(String pathAndQuery, Optional<String> bearer) {
    assertThatThrownBy(() -> VoiceTestClient.tryConnect(VoiceTestClient.uri(RestAssured.port, pathAndQuery), bearer)
        .join()).hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class).rootCause()
        .hasMessageContaining("401");
  }

  @Test
  void givenNoCredentials_upgrade_isRefused() {
    assertRefused("/ws/coach/voice?session=new", Optional.empty());
    assertRefused("/ws/coach/voice?session=new&ticket=vt_forged", Optional.empty());
    assertRefused("/ws/coach/voice/new", Optional.of("garbage"));
  }

  @Test
  void givenTicket_secondUse_isRefused() {
    Caller jon = caller(profiles, "Jon");
    String ticket = VoiceTestClient.ticket(jon.token());
    try (VoiceTestClient first = VoiceTestClient.connect(VoiceTestClient.uri(RestAssured.port,
        "/ws/coach/voice?session=new&ticket=" + ticket), Optional.empty())) {
      first.await("session_ready", WAIT);
      assertRefused("/ws/coach/voice?session=new&ticket=" + ticket, Optional.empty());
      first.sendJson("{\"type\":\"end\"}");
      first.await("session_ended", WAIT);
    }
  }

  @Test
  void givenTicketAndPathSessionId_connect_reachesTheExistingSession() {
    Caller ned = caller(profiles, "Ned");
    String id = given().auth().oauth2(ned.token()).contentType(ContentType.JSON).body("{}")
        .when().post("/api/coach/voice/sessions").then().statusCode(201).extract().path("id");
    try (VoiceTestClient client = VoiceTestClient.connect(VoiceTestClient.uri(RestAssured.port,
        "/ws/coach/voice/" + id + "?ticket=" + VoiceTestClient.ticket(ned.token())), Optional.empty())) {
      assertThat(client.await("session_created", WAIT).path("sessionId").asText()).isEqualTo(id);
      client.await("session_ready", WAIT);
      client.sendJson("{\"type\":\"end\"}");
      client.await("session_ended", WAIT);
    }
  }

  @Test
  void givenBearerHeaderAndPathSessionId_connect_reachesTheExistingSession() {
    Caller kim = caller(profiles, "Kim");
    String id = given().auth().oauth2(kim.token()).contentType(ContentType.JSON).body("{}")
        .when().post("/api/coach/voice/sessions").then().statusCode(201).extract().path("id");
    try (VoiceTestClient client = VoiceTestClient.connect(VoiceTestClient.uri(RestAssured.port,
        "/ws/coach/voice/" + id), Optional.of(kim.token()))) {
      JsonNode created = client.await("session_created", WAIT);
      assertThat(created.path("sessionId").asText()).isEqualTo(id);
      assertThat(created.path("created").asBoolean()).isFalse();
      client.await("session_ready", WAIT);
      client.sendJson("{\"type\":\"end\"}");
      client.await("session_ended", WAIT);
    }
  }

  @Test
  void givenAnotherUsersSessionId_connect_getsNotFoundAndIsClosed() {
    Caller lea = caller(profiles, "Lea");
    Caller max = caller(profiles, "Max");
    String id = given().auth().oauth2(lea.token()).contentType(ContentType.JSON).body("{}")
        .when().post("/api/coach/voice/sessions").then().statusCode(201).extract().path("id");
    try (VoiceTestClient client = VoiceTestClient.connectWithTicket(RestAssured.port, max.token(), id)) {
      client.awaitError("not_found", WAIT);
      assertThat(client.awaitClosed(WAIT)).isEqualTo(1008);
      assertThat(client.types()).doesNotContain("session_created");
    }
    given().auth().oauth2(lea.token()).when().post("/api/coach/voice/sessions/" + id + "/end").then().statusCode(200);
  }
}
