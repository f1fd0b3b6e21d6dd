package dev.coachkit.server.coach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.coachkit.adapter.openai.simulator.OpenAiSimulator;
import dev.coachkit.adapter.openai.simulator.SimulatedFault;
import dev.coachkit.adapter.openai.simulator.SimulatedReply;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Text coaching end to end: REST API, domain, PostgreSQL and the chat adapter talking to the OpenAI simulator,
 * which validates every request against the official spec.
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class ChatEndToEndTest {

  @InjectSimulator
  OpenAiSimulator simulator;

  @BeforeEach
  void resetSimulator() {
    simulator.reset();
  }

  @AfterEach
  void simulatorSawOnlyValidRequests() {
    simulator.verifyNoProblems();
    assertThat(simulator.pendingScript()).as("scripted replies left unused").isZero();
  }

  @Test
  void givenProfile_chatTurnCallingCreateWorkoutPlan_storesPlanAndHistoryInOrder() {
    CoachApi alice = CoachApi.newUser("alice");
    alice.json(CoachApi.PROFILE).when().put("/api/coach/profile")
        .then().statusCode(200).body("name", equalTo("Alice")).body("fitnessLevel", equalTo("INTERMEDIATE"));
    simulator.enqueue(SimulatedReply.toolCall("create_workout_plan",
            "{\"goal\":\"strength\",\"days_per_week\":3,\"level\":null,\"session_minutes\":45,\"weeks\":4,"
                + "\"equipment\":null,\"limitations\":null}").withUsage(300, 40))
        .enqueue(SimulatedReply.text("Your 3-day strength plan is ready.").withUsage(500, 20, 100));

    JsonPath reply = alice.json("{\"message\":\"Please make me a 3 day strength workout plan\"}")
        .when().post("/api/coach/chat")
        .then().statusCode(200)
        .body("content", equalTo("Your 3-day strength plan is ready."))
        .body("toolCalls", hasSize(1))
        .body("toolCalls[0].name", equalTo("create_workout_plan"))
        .body("toolResults[0].error", equalTo(false))
        .body("requiresWorkoutPlan", equalTo(false))
        .body("usage.inputTokens", equalTo(800))
        .body("usage.cachedInputTokens", equalTo(100))
        .body("usage.outputTokens", equalTo(60))
        .body("timestamp", notNullValue())
        .extract().jsonPath();
    String conversationId = reply.getString("conversationId");
    String planId = reply.getString("toolResults[0].result.plan_id");

    alice.as().when().get("/api/coach/plans").then().statusCode(200)
        .body("", hasSize(1)).body("[0].id", equalTo(planId)).body("[0].kind", equalTo("WORKOUT"))
        .body("[0].workout.daysPerWeek", equalTo(3)).body("[0].sourceConversationId", equalTo(conversationId));
    alice.as().when().get("/api/coach/plans/" + planId).then().statusCode(200).body("status", equalTo("ACTIVE"));

    JsonPath history = alice.as().queryParam("limit", 10).when().get("/api/coach/conversation/history")
        .then().statusCode(200).extract().jsonPath();
    assertThat(history.getList("items.role")).containsExactly("USER", "ASSISTANT", "TOOL", "ASSISTANT");
    assertThat(history.getString("items[1].toolCalls[0].name")).isEqualTo("create_workout_plan");
    assertThat(history.getString("items[2].toolResult.name")).isEqualTo("create_workout_plan");
    assertThat(history.getString("items[3].content")).isEqualTo("Your 3-day strength plan is ready.");
    alice.as().when().get("/api/coach/conversations/" + conversationId + "/messages").then().statusCode(200)
        .body("items.sequence", equalTo(List.of(1, 2, 3, 4)));
    alice.as().when().get("/api/coach/conversations").then().statusCode(200)
        .body("items[0].id", equalTo(conversationId)).body("items[0].messageCount", equalTo(4));
    assertThat(simulator.requests()).hasSize(2);
  }

  @Test
  void givenTwoTurns_chat_keysAreTimeOrderedSoTheLaterTurnsIdsSortAfter() {
    CoachApi grace = CoachApi.newUser("grace");
    simulator.enqueue(SimulatedReply.text("First.")).enqueue(SimulatedReply.text("Second."));

    JsonPath first = grace.json("{\"message\":\"one\"}").when().post("/api/coach/chat").then().statusCode(200)
        .extract().jsonPath();
    JsonPath second = grace.json("{\"message\":\"two\"}").when().post("/api/coach/chat").then().statusCode(200)
        .extract().jsonPath();

    // Version 7 (ADR-0016): a new row's key lands at its index's right edge, not on a random leaf page.
    List<UUID> ids = List.of(UUID.fromString(first.getString("conversationId")),
        UUID.fromString(first.getString("messageId")), UUID.fromString(second.getString("conversationId")),
        UUID.fromString(second.getString("messageId")));
    assertThat(ids).extracting(UUID::version).containsOnly(7);
    assertThat(ids.get(2)).isGreaterThan(ids.get(0));
    assertThat(ids.get(3)).isGreaterThan(ids.get(1));
  }

  @Test
  void givenStreamingRequest_chatStream_sendsDeltasThenDoneWithUsage() {
    CoachApi bob = CoachApi.newUser("bob");
    simulator.enqueue(SimulatedReply.text("Drink water and sleep well tonight.").withTextChunkSize(6)
        .withUsage(120, 9));

    Response response = bob.json("{\"message\":\"Any tip for recovery?\"}")
        .when().post("/api/coach/chat/stream");
    response.then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/event-stream"));
    List<Map.Entry<String, String>> events = SseEvents.parse(response.asString());

    assertThat(events).hasSizeGreaterThan(2);
    assertThat(events.subList(0, events.size() - 1)).allMatch(e -> e.getKey().equals("delta"));
    StringBuilder text = new StringBuilder();
    events.stream().filter(e -> e.getKey().equals("delta"))
        .forEach(e -> text.append(JsonPath.from(e.getValue()).getString("text")));
    assertThat(text.toString()).isEqualTo("Drink water and sleep well tonight.");
    Map.Entry<String, String> done = events.get(events.size() - 1);
    assertThat(done.getKey()).isEqualTo("done");
    JsonPath reply = JsonPath.from(done.getValue());
    assertThat(reply.getString("content")).isEqualTo("Drink water and sleep well tonight.");
    assertThat(reply.getInt("usage.inputTokens")).isEqualTo(120);
    assertThat(reply.getInt("usage.outputTokens")).isEqualTo(9);
    assertThat(simulator.lastRequest().isStream()).isTrue();
  }

  @Test
  void givenStreamWithToolCall_chatStream_sendsToolCallAndToolResultEvents() {
    CoachApi carol = CoachApi.newUser("carol");
    simulator.enqueue(SimulatedReply.toolCall("create_workout_plan",
            "{\"goal\":\"general_fitness\",\"days_per_week\":2,\"level\":\"beginner\",\"session_minutes\":null,"
                + "\"weeks\":null,\"equipment\":null,\"limitations\":null}"))
        .enqueue(SimulatedReply.text("Done: two days a week."));

    Response response = carol.json("{\"message\":\"I want a workout plan, 2 days a week\"}")
        .when().post("/api/coach/chat/stream");
    response.then().statusCode(200);
    List<String> names = new ArrayList<>();
    SseEvents.parse(response.asString()).forEach(e -> names.add(e.getKey()));

    assertThat(names).containsSubsequence("tool_call", "tool_result", "delta", "done");
    assertThat(names.get(names.size() - 1)).isEqualTo("done");
  }

  @Test
  void givenConversation_planGenerationFromIt_storesPlanWithTheConversation() {
    CoachApi dan = CoachApi.newUser("dan");
    dan.json(CoachApi.PROFILE).when().put("/api/coach/profile").then().statusCode(200);
    simulator.enqueue(SimulatedReply.text("Sounds good: four days of hypertrophy work with dumbbells."));
    String conversationId = dan.json("{\"message\":\"I can train 4 days a week and want to build muscle\"}")
        .when().post("/api/coach/chat").then().statusCode(200).extract().path("conversationId");
    simulator.enqueue(SimulatedReply.json("{\"goal\":\"HYPERTROPHY\",\"level\":null,\"daysPerWeek\":4,"
        + "\"sessionMinutes\":50,\"weeks\":6,\"equipment\":[\"DUMBBELL\"],\"limitations\":null}"));

    dan.json("{\"conversationId\":\"" + conversationId + "\"}")
        .when().post("/api/coach/plans/workout/generate")
        .then().statusCode(201)
        .body("kind", equalTo("WORKOUT"))
        .body("workout.goal", equalTo("HYPERTROPHY"))
        .body("workout.daysPerWeek", equalTo(4))
        .body("sourceConversationId", equalTo(conversationId));
    dan.as().queryParam("kind", "WORKOUT").when().get("/api/coach/plans").then().statusCode(200)
        .body("", hasSize(1));
  }

  @Test
  void givenSeveralTurns_usage_addsUpToTheRepliesUsageAndTheLedger() {
    CoachApi erin = CoachApi.newUser("erin");
    simulator.enqueue(SimulatedReply.text("First.").withUsage(1_000, 50, 200))
        .enqueue(SimulatedReply.text("Second.").withUsage(2_000, 70));
    JsonPath first = erin.json("{\"message\":\"hello\"}").when().post("/api/coach/chat")
        .then().statusCode(200).extract().jsonPath();
    JsonPath second = erin.json("{\"message\":\"again\",\"conversationId\":\"" + first.getString("conversationId")
        + "\"}").when().post("/api/coach/chat").then().statusCode(200).extract().jsonPath();

    JsonPath usage = erin.as().when().get("/api/coach/usage").then().statusCode(200).extract().jsonPath();
    assertThat(usage.getLong("responses")).isEqualTo(2);
    assertThat(usage.getLong("tokens.inputTokens"))
        .isEqualTo(first.getLong("usage.inputTokens") + second.getLong("usage.inputTokens")).isEqualTo(3_000);
    assertThat(usage.getLong("tokens.cachedInputTokens")).isEqualTo(200);
    assertThat(usage.getLong("tokens.outputTokens")).isEqualTo(120);
    // gpt-4o-mini: 0.15 $/M input, 0.075 $/M cached input, 0.60 $/M output (application.properties)
    long expectedMicros = Math.round((2_800 * 0.15 + 200 * 0.075 + 120 * 0.60));
    assertThat(usage.getLong("costMicros")).isBetween(expectedMicros - 2, expectedMicros + 2);
    JsonPath export = erin.as().when().get("/api/coach/me/export").then().statusCode(200).extract().jsonPath();
    assertThat(export.getList("usage")).hasSize(2);
    long ledgerInput = export.getList("usage.tokens.inputTokens", Long.class).stream().mapToLong(Long::longValue).sum();
    assertThat(ledgerInput).isEqualTo(3_000);
  }

  @Test
  void givenProviderAnswers429Twice_chat_retriesAndReplies() {
    CoachApi fay = CoachApi.newUser("fay");
    simulator.enqueue(SimulatedFault.rateLimited(Duration.ofMillis(50)), 2)
        .enqueue(SimulatedReply.text("Made it."));

    fay.json("{\"message\":\"are you there?\"}").when().post("/api/coach/chat")
        .then().statusCode(200).body("content", equalTo("Made it."));
    assertThat(simulator.requests()).hasSize(3);
  }

  @Test
  void givenProviderKeepsAnswering429_chat_answers429WithRetryAfterAndKeepsTheMessage() {
    CoachApi gil = CoachApi.newUser("gil");
    simulator.enqueue(SimulatedFault.rateLimited(Duration.ofSeconds(1)), 3);

    gil.json("{\"message\":\"hello?\"}").when().post("/api/coach/chat")
        .then().statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue())
        .body("status", equalTo(429)).body("reason", equalTo("RATE_LIMITED"));
    gil.as().when().get("/api/coach/conversation/history").then().statusCode(200)
        .body("items[0].role", equalTo("USER")).body("items[0].content", equalTo("hello?"));
  }

  @Test
  void givenConnectionDropsMidStream_chatStream_endsWithErrorAndKeepsTheMessageWithTheTurnFailed() {
    CoachApi hal = CoachApi.newUser("hal");
    simulator.enqueue(SimulatedReply.text("This answer will be cut off somewhere in the middle.")
        .withTextChunkSize(5).withChunkDelay(Duration.ofMillis(20)).droppingConnectionAfterChunks(6));

    Response response = hal.json("{\"message\":\"tell me something long\"}").when().post("/api/coach/chat/stream");
    response.then().statusCode(200);
    List<Map.Entry<String, String>> events = SseEvents.parse(response.asString());
    assertThat(events.get(0).getKey()).isEqualTo("delta");
    Map.Entry<String, String> last = events.get(events.size() - 1);
    assertThat(last.getKey()).isEqualTo("error");
    assertThat(JsonPath.from(last.getValue()).getInt("status")).isEqualTo(503);

    JsonPath history = hal.as().when().get("/api/coach/conversation/history").then().statusCode(200)
        .extract().jsonPath();
    assertThat(history.getList("items.role")).containsExactly("USER", "ASSISTANT");
    assertThat(history.getString("items[0].content")).isEqualTo("tell me something long");
    assertThat(history.getString("items[0].status")).isEqualTo("COMPLETE");
    assertThat(history.getString("items[1].status")).isEqualTo("FAILED");
  }

  @Test
  void givenChatTurnWithToolCall_metrics_reportTurnLatencyToolCallsTokensAndCost() {
    CoachApi ivy = CoachApi.newUser("ivy");
    simulator.enqueue(SimulatedReply.toolCall("schedule_follow_up", "{\"topic\":\"Knee check\",\"in_days\":3}"))
        .enqueue(SimulatedReply.text("I'll ask about your knee in three days.").withTextChunkSize(8));
    ivy.json("{\"message\":\"remind me about my knee\"}").when().post("/api/coach/chat/stream")
        .then().statusCode(200);
    ivy.as().queryParam("due", false).when().get("/api/coach/follow-ups").then().statusCode(200)
        .body("[0].topic", equalTo("Knee check")).body("[0].status", equalTo("SCHEDULED"));

    String metrics = io.restassured.RestAssured.given().accept("text/plain").when().get("/q/metrics")
        .then().statusCode(200).extract().asString();
    assertThat(metrics)
        .contains("coach_chat_turn_seconds_count{mode=\"stream\",outcome=\"replied\"")
        .contains("coach_chat_first_event_seconds_count")
        .contains("coach_model_first_token_seconds_count")
        .contains("coach_tool_calls_total{tool=\"schedule_follow_up\"")
        .contains("coach_model_replies_total{fallback=\"false\",model=")
        .contains("coach_model_tokens_total{model=")
        .contains("coach_model_cost_usd_total{model=")
        .contains("coach_model_call_seconds_count{");
  }

  @Test
  void givenRunningServer_openapi_documentsEveryEndpointWithProblemResponses() {
    JsonPath api = io.restassured.RestAssured.given().queryParam("format", "json").when().get("/q/openapi")
        .then().statusCode(200).extract().jsonPath();
    List<String> paths = List.of("/api/coach/chat", "/api/coach/chat/stream", "/api/coach/conversations",
        "/api/coach/conversations/{id}/messages", "/api/coach/conversation/history", "/api/coach/profile",
        "/api/coach/workouts", "/api/coach/nutrition", "/api/coach/progress", "/api/coach/goals",
        "/api/coach/context", "/api/coach/plans/workout/generate", "/api/coach/plans/nutrition/generate",
        "/api/coach/plans", "/api/coach/plans/{id}", "/api/coach/usage", "/api/coach/me/export", "/api/coach/me",
        "/api/coach/messages/{id}/feedback", "/api/coach/follow-ups", "/api/coach/follow-ups/{id}/complete");
    Map<String, Object> documented = api.getMap("paths");
    assertThat(documented).containsKeys(paths.toArray(new String[0]));
    assertThat(api.getString("paths.'/api/coach/chat'.post.responses.'503'.content.'application/problem+json'"
        + ".schema.$ref")).isEqualTo("#/components/schemas/ProblemDetail");
    assertThat(api.getMap("paths.'/api/coach/plans/{id}'.get.responses")).containsKeys("200", "400", "401", "404");
    assertThat(api.getMap("components.schemas")).containsKeys("ChatRequest", "ChatResponse", "ProblemDetail");
  }
}
