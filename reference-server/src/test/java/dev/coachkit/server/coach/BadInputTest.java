package dev.coachkit.server.coach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.coachkit.adapter.openai.simulator.OpenAiSimulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input answers 4xx problem details, never a 5xx, and stores nothing: the user's export is the same before and
 * after, and the model is never called.
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class BadInputTest {

  @InjectSimulator
  OpenAiSimulator simulator;

  private CoachApi user;
  private String exportBefore;

  @BeforeEach
  void seedUser() {
    simulator.reset();
    user = CoachApi.newUser("bad");
    user.json(CoachApi.PROFILE).when().put("/api/coach/profile").then().statusCode(200);
    user.json("{\"description\":\"Run 5 km\"}").when().post("/api/coach/goals").then().statusCode(201);
    exportBefore = export();
  }

  @AfterEach
  void nothingChangedAndNoModelCall() {
    assertThat(export()).isEqualTo(exportBefore);
    assertThat(simulator.requests()).isEmpty();
  }

  @Test
  void givenMalformedJson_chat_answers400() {
    problem(user.json("{\"message\": \"hi\"").when().post("/api/coach/chat").then(), 400)
        .body("type", containsString("malformed-body"));
    problem(user.json("[1,2]").when().post("/api/coach/chat").then(), 400);
    problem(user.json("not json at all").when().post("/api/coach/chat").then(), 400);
  }

  @Test
  void givenEmptyOrBlankInput_chat_answers400() {
    problem(user.json("").when().post("/api/coach/chat").then(), 400);
    problem(user.json("{}").when().post("/api/coach/chat").then(), 400).body("violations.field", hasItem("message"));
    problem(user.json("{\"message\":\"   \"}").when().post("/api/coach/chat").then(), 400);
    problem(user.json("{\"message\":\"   \"}").when().post("/api/coach/chat/stream").then(), 400);
  }

  @Test
  void givenWrongTypes_endpoints_answer400NamingTheField() {
    problem(user.json("{\"message\":[\"hi\"]}").when().post("/api/coach/chat").then(), 400)
        .body("violations[0].field", equalTo("message"));
    problem(user.json("{\"message\":\"hi\",\"conversationId\":\"nope\"}").when().post("/api/coach/chat").then(), 400)
        .body("violations[0].field", equalTo("conversationId"));
    problem(user.json("{\"date\":\"yesterday\",\"activity\":\"run\",\"durationMinutes\":30}")
        .when().post("/api/coach/workouts").then(), 400).body("violations[0].field", equalTo("date"));
    problem(user.json("{\"date\":\"2026-11-20\",\"activity\":\"run\",\"durationMinutes\":\"long\"}")
        .when().post("/api/coach/workouts").then(), 400).body("violations[0].field", equalTo("durationMinutes"));
    problem(user.json("{\"metric\":\"weight\",\"value\":{},\"unit\":\"kg\"}")
        .when().post("/api/coach/progress").then(), 400);
  }

  @Test
  void givenUnknownEnumValues_endpoints_answer400ListingTheAllowedValues() {
    problem(user.json("{\"sex\":\"ROBOT\"}").when().put("/api/coach/profile").then(), 400)
        .body("violations[0].field", equalTo("sex")).body("detail", containsString("FEMALE"));
    problem(user.json("{\"description\":\"x\",\"status\":\"DONE\"}").when().post("/api/coach/goals").then(), 400);
    problem(user.json("{\"rating\":\"MEH\"}").when()
        .post("/api/coach/messages/" + java.util.UUID.randomUUID() + "/feedback").then(), 400);
    problem(user.json("{\"parameters\":{\"goal\":\"FLYING\",\"level\":\"BEGINNER\",\"daysPerWeek\":3,"
        + "\"sessionMinutes\":45,\"weeks\":4}}").when().post("/api/coach/plans/workout/generate").then(), 400);
    problem(user.as().queryParam("kind", "DANCE").when().get("/api/coach/plans").then(), 404, 400);
  }

  @Test
  void givenOutOfRangeValues_endpoints_answer400() {
    problem(user.json("{\"message\":\"" + "x".repeat(4_001) + "\"}").when().post("/api/coach/chat").then(), 400)
        .body("violations[0].field", equalTo("message"));
    problem(user.json("{\"age\":0}").when().put("/api/coach/profile").then(), 400);
    problem(user.json("{\"age\":30,\"birthYear\":1990}").when().put("/api/coach/profile").then(), 400);
    problem(user.json("{\"date\":\"2026-11-20\",\"activity\":\"run\",\"durationMinutes\":0}")
        .when().post("/api/coach/workouts").then(), 400);
    problem(user.json("{\"date\":\"2026-11-20\",\"calories\":-1,\"proteinG\":1,\"carbsG\":1,\"fatG\":1,"
        + "\"adherencePercent\":101}").when().post("/api/coach/nutrition").then(), 400)
        .body("violations.field", hasItem("adherencePercent"));
    problem(user.json("{}").when().post("/api/coach/plans/workout/generate").then(), 400);
    problem(user.json("{\"parameters\":{\"goal\":\"STRENGTH\",\"level\":\"BEGINNER\",\"daysPerWeek\":9,"
        + "\"sessionMinutes\":45,\"weeks\":4}}").when().post("/api/coach/plans/workout/generate").then(), 400);
  }

  @Test
  void givenLimitOutside1To100_listEndpoints_answer400() {
    for (int limit : new int[] {0, 101, -5}) {
      problem(user.as().queryParam("limit", limit).when().get("/api/coach/conversations").then(), 400)
          .body("violations[0].field", equalTo("limit"));
      problem(user.as().queryParam("limit", limit).when().get("/api/coach/conversation/history").then(), 400);
      problem(user.as().queryParam("limit", limit).when()
          .get("/api/coach/conversations/" + java.util.UUID.randomUUID() + "/messages").then(), 400);
    }
    problem(user.as().queryParam("limit", "abc").when().get("/api/coach/conversations").then(), 400);
    problem(user.as().queryParam("cursor", "bad cursor!").when().get("/api/coach/conversation/history").then(), 400);
    problem(user.as().queryParam("from", "last tuesday").when().get("/api/coach/usage").then(), 400);
    problem(user.as().queryParam("from", "2026-11-02T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z")
        .when().get("/api/coach/usage").then(), 400);
  }

  @Test
  void givenOversizedBody_chat_answers413() {
    String huge = "{\"message\":\"" + "x".repeat(70_000) + "\"}";
    problem(user.json(huge).when().post("/api/coach/chat").then(), 413);
    problem(user.json(huge).when().put("/api/coach/profile").then(), 413);
  }

  @Test
  void givenWrongMediaType_chat_answers415() {
    problem(user.as().contentType("text/plain").body("hello").when().post("/api/coach/chat").then(), 415);
  }

  private String export() {
    return user.as().when().get("/api/coach/me/export").then().statusCode(200).extract().asString()
        .replaceAll("\"exportedAt\":\"[^\"]*\"", "");
  }

  /** A problem detail with one of the expected statuses (never a 5xx). */
  private static ValidatableResponse problem(ValidatableResponse response, int... statuses) {
    int status = response.extract().statusCode();
    assertThat(status).as(response.extract().asString()).isLessThan(500);
    assertThat(statuses).as("status " + status + ": " + response.extract().asString()).contains(status);
    return response.contentType("application/problem+json").body("status", equalTo(status))
        .body("title", org.hamcrest.Matchers.notNullValue());
  }
}
