package dev.coachkit.server.coach;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.coachkit.adapter.openai.simulator.OpenAiSimulator;
import dev.coachkit.adapter.openai.simulator.SimulatedReply;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Another user's ids answer 404 on every endpoint that takes one, and change nothing; no token answers 401. */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class IsolationTest {

  private static final String WORKOUT_PARAMETERS = "{\"goal\":\"STRENGTH\",\"level\":\"BEGINNER\",\"daysPerWeek\":3,"
      + "\"sessionMinutes\":45,\"weeks\":4,\"equipment\":[\"DUMBBELL\"],\"limitations\":[]}";

  @InjectSimulator
  OpenAiSimulator simulator;

  @BeforeEach
  void resetSimulator() {
    simulator.reset();
  }

  @AfterEach
  void noModelCallWasUnscripted() {
    simulator.verifyNoProblems();
  }

  @Test
  void givenAnotherUsersIds_everyEndpoint_answers404AndChangesNothing() {
    CoachApi owner = CoachApi.newUser("owner");
    owner.json(CoachApi.PROFILE).when().put("/api/coach/profile").then().statusCode(200);
    simulator.enqueue(SimulatedReply.toolCall("schedule_follow_up", "{\"topic\":\"How did the run go?\",\"in_days\":2}"))
        .enqueue(SimulatedReply.text("I'll check in with you in two days."));
    JsonPath chat = owner.json("{\"message\":\"I run tomorrow, ask me how it went\"}").when().post("/api/coach/chat")
        .then().statusCode(200).extract().jsonPath();
    String conversation = chat.getString("conversationId");
    String message = chat.getString("messageId");
    String plan = owner.json("{\"parameters\":" + WORKOUT_PARAMETERS + "}")
        .when().post("/api/coach/plans/workout/generate").then().statusCode(201).extract().path("id");
    String goal = owner.json("{\"description\":\"Run 10 km\"}").when().post("/api/coach/goals")
        .then().statusCode(201).extract().path("id");
    String followUp = owner.as().when().get("/api/coach/follow-ups").then().statusCode(200)
        .extract().path("[0].id");
    assertThat(followUp).isNotNull();
    String ownerExportBefore = exportWithoutTimestamp(owner);

    CoachApi intruder = CoachApi.newUser("intruder");
    intruder.as().when().get("/api/coach/conversations/" + conversation + "/messages").then().statusCode(404)
        .contentType("application/problem+json");
    intruder.json("{\"message\":\"hi\",\"conversationId\":\"" + conversation + "\"}")
        .when().post("/api/coach/chat").then().statusCode(404);
    intruder.json("{\"message\":\"hi\",\"conversationId\":\"" + conversation + "\"}")
        .when().post("/api/coach/chat/stream").then().statusCode(404).contentType("application/problem+json");
    intruder.json("{\"conversationId\":\"" + conversation + "\"}")
        .when().post("/api/coach/plans/workout/generate").then().statusCode(404);
    intruder.json("{\"conversationId\":\"" + conversation + "\"}")
        .when().post("/api/coach/plans/nutrition/generate").then().statusCode(404);
    intruder.as().when().get("/api/coach/plans/" + plan).then().statusCode(404);
    intruder.json("{\"goalId\":\"" + goal + "\",\"description\":\"hijacked\"}").when().post("/api/coach/goals")
        .then().statusCode(404);
    intruder.json("{\"rating\":\"DOWN\",\"comment\":\"not mine\"}")
        .when().post("/api/coach/messages/" + message + "/feedback").then().statusCode(404);
    intruder.as().when().post("/api/coach/follow-ups/" + followUp + "/complete").then().statusCode(404);

    // the intruder's own views show none of the owner's data
    intruder.as().when().get("/api/coach/conversations").then().statusCode(200).body("items.size()", equalTo(0));
    intruder.as().when().get("/api/coach/conversation/history").then().statusCode(200)
        .body("items.size()", equalTo(0));
    intruder.as().when().get("/api/coach/plans").then().statusCode(200).body("size()", equalTo(0));
    intruder.as().when().get("/api/coach/follow-ups").then().statusCode(200).body("size()", equalTo(0));
    intruder.as().when().get("/api/coach/context").then().statusCode(200)
        .body("activeGoals.size()", equalTo(0)).body("activePlans.size()", equalTo(0));
    intruder.as().when().get("/api/coach/usage").then().statusCode(200).body("responses", equalTo(0));
    JsonPath intruderExport = intruder.as().when().get("/api/coach/me/export").then().statusCode(200)
        .extract().jsonPath();
    assertThat(intruderExport.getList("messages")).isEmpty();
    assertThat(intruderExport.getList("goals")).isEmpty();
    intruder.as().when().delete("/api/coach/me").then().statusCode(204);

    assertThat(exportWithoutTimestamp(owner)).isEqualTo(ownerExportBefore);
  }

  @Test
  void givenMalformedOrUnknownIds_idEndpoints_answer404() {
    CoachApi user = CoachApi.newUser("ids");
    String random = java.util.UUID.randomUUID().toString();
    for (String id : List.of("not-a-uuid", random)) {
      user.as().when().get("/api/coach/conversations/" + id + "/messages").then().statusCode(404);
      user.as().when().get("/api/coach/plans/" + id).then().statusCode(404);
      user.json("{\"rating\":\"UP\"}").when().post("/api/coach/messages/" + id + "/feedback").then().statusCode(404);
      user.as().when().post("/api/coach/follow-ups/" + id + "/complete").then().statusCode(404);
    }
  }

  @Test
  void givenNoToken_everyEndpoint_answers401() {
    String id = java.util.UUID.randomUUID().toString();
    List<String[]> endpoints = List.of(
        new String[] {"POST", "/api/coach/chat"}, new String[] {"POST", "/api/coach/chat/stream"},
        new String[] {"GET", "/api/coach/conversations"},
        new String[] {"GET", "/api/coach/conversations/" + id + "/messages"},
        new String[] {"GET", "/api/coach/conversation/history"}, new String[] {"PUT", "/api/coach/profile"},
        new String[] {"POST", "/api/coach/workouts"}, new String[] {"POST", "/api/coach/nutrition"},
        new String[] {"POST", "/api/coach/progress"}, new String[] {"POST", "/api/coach/goals"},
        new String[] {"GET", "/api/coach/context"}, new String[] {"POST", "/api/coach/plans/workout/generate"},
        new String[] {"POST", "/api/coach/plans/nutrition/generate"}, new String[] {"GET", "/api/coach/plans"},
        new String[] {"GET", "/api/coach/plans/" + id}, new String[] {"GET", "/api/coach/usage"},
        new String[] {"GET", "/api/coach/me/export"}, new String[] {"DELETE", "/api/coach/me"},
        new String[] {"POST", "/api/coach/messages/" + id + "/feedback"},
        new String[] {"GET", "/api/coach/follow-ups"}, new String[] {"POST", "/api/coach/follow-ups/" + id + "/complete"});
    for (String[] endpoint : endpoints) {
      int status = given().contentType(ContentType.JSON).body("{}").when().request(endpoint[0], endpoint[1])
          .then().extract().statusCode();
      assertThat(status).as(endpoint[0] + " " + endpoint[1]).isEqualTo(401);
    }
  }

  private static String exportWithoutTimestamp(CoachApi user) {
    return user.as().when().get("/api/coach/me/export").then().statusCode(200).extract().asString()
        .replaceAll("\"exportedAt\":\"[^\"]*\"", "");
  }
}
