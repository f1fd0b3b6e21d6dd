package dev.coachkit.adapter.openai.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiSimulatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenAiSimulator simulator = OpenAiSimulator.start();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final OpenApiContract contract = OpenApiContract.official();

  @AfterEach
  void stop() {
    simulator.close();
  }

  // ------------------------------------------------------------------ helpers

  private static ObjectNode chatRequest(boolean stream) {
    ObjectNode request = JSON.createObjectNode();
    request.put("model", "gpt-4o-mini");
    ObjectNode system = request.putArray("messages").addObject();
    system.put("role", "system").put("content", "You are a fitness coach.");
    ((com.fasterxml.jackson.databind.node.ArrayNode) request.get("messages")).addObject()
        .put("role", "user").put("content", "Plan my week.");
    if (stream) {
      request.put("stream", true);
    }
    return request;
  }

  private static ObjectNode withTools(ObjectNode request, String... names) throws IOException {
    var tools = request.putArray("tools");
    for (String name : names) {
      tools.add(JSON.readTree("{\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"description\":\"d\","
          + "\"parameters\":{\"type\":\"object\",\"properties\":{\"days\":{\"type\":\"integer\"}}}}}"));
    }
    return request;
  }

  private HttpRequest.Builder openAiPost(String body) {
    return openAiPost(simulator, body);
  }

  private static HttpRequest.Builder openAiPost(OpenAiSimulator target, String body) {
    return HttpRequest.newBuilder(URI.create(target.baseUrl() + "/chat/completions"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + target.apiKey())
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpResponse<String> post(JsonNode body) throws Exception {
    return client.send(openAiPost(body.toString()).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The data payloads of an SSE body, in order. */
  private static List<String> dataEvents(String sse) {
    List<String> events = new ArrayList<>();
    for (String block : sse.split("\n\n")) {
      if (!block.isBlank()) {
        assertThat(block).as("SSE event").startsWith("data: ");
        events.add(block.substring("data: ".length()));
      }
    }
    return events;
  }

  private List<JsonNode> chunks(List<String> events) throws IOException {
    assertThat(events).last().isEqualTo("[DONE]");
    List<JsonNode> chunks = new ArrayList<>();
    for (String event : events.subList(0, events.size() - 1)) {
      JsonNode chunk = JSON.readTree(event);
      assertThat(contract.validate("CreateChatCompletionStreamResponse", chunk)).as(event).isEmpty();
      chunks.add(chunk);
    }
    return chunks;
  }

  private static String text(List<JsonNode> chunks) {
    StringBuilder text = new StringBuilder();
    for (JsonNode chunk : chunks) {
      for (JsonNode choice : chunk.path("choices")) {
        if (choice.path("delta").path("content").isTextual()) {
          text.append(choice.path("delta").path("content").asText());
        }
      }
    }
    return text.toString();
  }

  // ------------------------------------------------------------------ blocking

  @Test
  void givenTextReply_blockingRequest_answersAValidChatCompletion() throws Exception {
    simulator.enqueue(SimulatedReply.text("Three sessions this week.").withUsage(120, 8, 64));

    HttpResponse<String> response = post(chatRequest(false));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.headers().firstValue("x-request-id")).hasValueSatisfying(v -> assertThat(v).startsWith("req_"));
    JsonNode body = JSON.readTree(response.body());
    assertThat(contract.validateClosed("CreateChatCompletionResponse", body)).isEmpty();
    assertThat(body.path("id").asText()).startsWith("chatcmpl-");
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
    JsonNode choice = body.path("choices").path(0);
    assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
    assertThat(choice.path("message").path("content").asText()).isEqualTo("Three sessions this week.");
    assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
    assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(120);
    assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(8);
    assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(128);
    assertThat(body.path("usage").path("prompt_tokens_details").path("cached_tokens").asInt()).isEqualTo(64);
    simulator.verifyNoProblems();
  }

  @Test
  void givenParallelToolCalls_blockingRequest_answersToolCallsWithNullContent() throws Exception {
    SimulatedToolCall first = SimulatedToolCall.of("create_workout_plan", "{\"days\":3}");
    SimulatedToolCall second = SimulatedToolCall.of("get_profile", "{}");
    simulator.enqueue(SimulatedReply.toolCalls(first, second));

    HttpResponse<String> response = post(withTools(chatRequest(false), "create_workout_plan", "get_profile"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode message = JSON.readTree(response.body()).path("choices").path(0).path("message");
    assertThat(message.path("content").isNull()).isTrue();
    assertThat(message.path("tool_calls")).hasSize(2);
    assertThat(message.path("tool_calls").path(0).path("id").asText()).isEqualTo(first.id()).startsWith("call_");
    assertThat(message.path("tool_calls").path(0).path("function").path("name").asText())
        .isEqualTo("create_workout_plan");
    assertThat(message.path("tool_calls").path(0).path("function").path("arguments").asText()).isEqualTo("{\"days\":3}");
    assertThat(message.path("tool_calls").path(1).path("id").asText()).isEqualTo(second.id());
    assertThat(JSON.readTree(response.body()).path("choices").path(0).path("finish_reason").asText())
        .isEqualTo("tool_calls");
  }

  @Test
  void givenJsonReplyMatchingTheRequestSchema_blockingRequest_answersItAsContent() throws Exception {
    ObjectNode request = chatRequest(false);
    request.set("response_format", JSON.readTree("""
        {"type":"json_schema","json_schema":{"name":"plan_parameters","strict":true,"schema":{
          "type":"object","properties":{"days":{"type":"integer"},"goal":{"type":"string"}},
          "required":["days","goal"],"additionalProperties":false}}}"""));
    simulator.enqueue(SimulatedReply.json("{\"days\":4,\"goal\":\"strength\"}"));

    HttpResponse<String> response = post(request);

    assertThat(response.statusCode()).isEqualTo(200);
    String content = JSON.readTree(response.body()).path("choices").path(0).path("message").path("content").asText();
    assertThat(JSON.readTree(content)).isEqualTo(JSON.readTree("{\"days\":4,\"goal\":\"strength\"}"));
  }

  @Test
  void givenJsonReplyBreakingTheRequestSchema_request_isAnswered400WithAScriptViolation() throws Exception {
    ObjectNode request = chatRequest(false);
    request.set("response_format", JSON.readTree("""
        {"type":"json_schema","json_schema":{"name":"plan_parameters","strict":true,"schema":{
          "type":"object","properties":{"days":{"type":"integer"}},"required":["days"],
          "additionalProperties":false}}}"""));
    simulator.enqueue(SimulatedReply.json("{\"days\":\"four\"}"));

    HttpResponse<String> response = post(request);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(simulator.lastRequest().violations()).singleElement().satisfies(v -> {
      assertThat(v.keyword()).isEqualTo("script");
      assertThat(v.message()).contains("/days");
    });
  }

  @Test
  void givenToolCallTheRequestDoesNotOffer_request_isAnswered400WithAScriptViolation() throws Exception {
    simulator.enqueue(SimulatedReply.toolCall("create_workout_plan", "{\"days\":3}"));

    HttpResponse<String> response = post(chatRequest(false));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(contract.validate("ErrorResponse", response.body())).isEmpty();
    assertThat(simulator.lastRequest().violations())
        .anySatisfy(v -> assertThat(v.message()).contains("create_workout_plan").contains("no functions"));
  }

  // ------------------------------------------------------------------ streaming

  @Test
  void givenTextReply_streamingRequest_sendsSeveralDeltasThenFinishThenDone() throws Exception {
    simulator.enqueue(SimulatedReply.text("Rest on Sunday, then run."));

    HttpResponse<String> response = post(chatRequest(true));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("text/event-stream"));
    List<JsonNode> chunks = chunks(dataEvents(response.body()));
    assertThat(chunks.size()).isGreaterThan(4);
    assertThat(chunks).allSatisfy(c -> {
      assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk");
      assertThat(c.path("id").asText()).isEqualTo(chunks.get(0).path("id").asText());
    });
    assertThat(chunks.get(0).path("choices").path(0).path("delta").path("role").asText()).isEqualTo("assistant");
    assertThat(text(chunks)).isEqualTo("Rest on Sunday, then run.");
    JsonNode last = chunks.get(chunks.size() - 1).path("choices").path(0);
    assertThat(last.path("finish_reason").asText()).isEqualTo("stop");
    assertThat(last.path("delta").size()).isZero();
    assertThat(chunks.subList(0, chunks.size() - 1))
        .allSatisfy(c -> assertThat(c.path("choices").path(0).path("finish_reason").isNull()).isTrue());
    assertThat(chunks).noneSatisfy(c -> assertThat(c.has("usage")).isTrue());
  }

  @Test
  void givenIncludeUsage_streamingRequest_sendsAUsageChunkWithEmptyChoicesBeforeDone() throws Exception {
    simulator.enqueue(SimulatedReply.text("Hi").withUsage(50, 2, 32));
    ObjectNode request = chatRequest(true);
    request.putObject("stream_options").put("include_usage", true);

    List<JsonNode> chunks = chunks(dataEvents(post(request).body()));

    JsonNode usageChunk = chunks.get(chunks.size() - 1);
    assertThat(usageChunk.path("choices")).isEmpty();
    assertThat(usageChunk.path("usage").path("prompt_tokens").asInt()).isEqualTo(50);
    assertThat(usageChunk.path("usage").path("completion_tokens").asInt()).isEqualTo(2);
    assertThat(usageChunk.path("usage").path("total_tokens").asInt()).isEqualTo(52);
    assertThat(usageChunk.path("usage").path("prompt_tokens_details").path("cached_tokens").asInt()).isEqualTo(32);
    assertThat(chunks.get(chunks.size() - 2).path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
  }

  @Test
  void givenParallelToolCalls_streamingRequest_argumentFragmentsReassembleToTheScriptedJson() throws Exception {
    String planArguments = "{\"days\":3,\"focus\":\"legs and core\",\"equipment\":[\"dumbbells\",\"mat\"]}";
    String profileArguments = "{\"fields\":[\"injuries\"]}";
    simulator.enqueue(SimulatedReply.toolCalls(
        SimulatedToolCall.of("create_workout_plan", planArguments),
        SimulatedToolCall.of("get_profile", profileArguments)).withArgumentChunkSize(5));

    List<JsonNode> chunks = chunks(dataEvents(post(withTools(chatRequest(true), "create_workout_plan",
        "get_profile")).body()));

    Map<Integer, StringBuilder> arguments = new TreeMap<>();
    Map<Integer, String> names = new TreeMap<>();
    Map<Integer, String> ids = new TreeMap<>();
    int fragments = 0;
    for (JsonNode chunk : chunks) {
      for (JsonNode call : chunk.path("choices").path(0).path("delta").path("tool_calls")) {
        int index = call.path("index").asInt();
        if (!arguments.containsKey(index)) {
          // the opening fragment of a call names it
          assertThat(call.path("id").asText()).startsWith("call_");
          assertThat(call.path("type").asText()).isEqualTo("function");
          assertThat(call.path("function").path("name").asText()).isNotEmpty();
          ids.put(index, call.path("id").asText());
          names.put(index, call.path("function").path("name").asText());
          arguments.put(index, new StringBuilder());
        } else {
          assertThat(call.has("id")).as("later fragments carry no id").isFalse();
          fragments++;
        }
        arguments.get(index).append(call.path("function").path("arguments").asText(""));
      }
    }
    assertThat(names).isEqualTo(Map.of(0, "create_workout_plan", 1, "get_profile"));
    assertThat(ids.values()).doesNotHaveDuplicates();
    assertThat(fragments).isGreaterThan(4);
    assertThat(JSON.readTree(arguments.get(0).toString())).isEqualTo(JSON.readTree(planArguments));
    assertThat(JSON.readTree(arguments.get(1).toString())).isEqualTo(JSON.readTree(profileArguments));
    assertThat(chunks.get(chunks.size() - 1).path("choices").path(0).path("finish_reason").asText())
        .isEqualTo("tool_calls");
  }

  @Test
  void givenIncludeObfuscationFalse_streamingRequest_sendsNoObfuscationField() throws Exception {
    simulator.enqueue(SimulatedReply.text("Hello"));
    ObjectNode request = chatRequest(true);
    request.putObject("stream_options").put("include_obfuscation", false);

    List<JsonNode> chunks = chunks(dataEvents(post(request).body()));

    assertThat(chunks).noneSatisfy(c -> assertThat(c.has("obfuscation")).isTrue());
  }

  // ------------------------------------------------------------------ auth and routing

  @Test
  void givenNoAuthorization_request_isAnswered401WithAnErrorResponse() throws Exception {
    simulator.enqueue(SimulatedReply.text("never"));
    HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/chat/completions"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(chatRequest(false).toString())).build();

    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(contract.validateClosed("ErrorResponse", JSON.readTree(response.body()))).isEmpty();
    assertThat(JSON.readTree(response.body()).path("error").path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(simulator.pendingScript()).isEqualTo(1);
  }

  @Test
  void givenWrongBearerKey_request_isAnswered401InvalidApiKey() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/chat/completions"))
        .header("Authorization", "Bearer sk-wrong")
        .POST(HttpRequest.BodyPublishers.ofString(chatRequest(false).toString())).build();

    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(response.body()).path("error").path("code").asText()).isEqualTo("invalid_api_key");
  }

  @Test
  void givenAzurePathWithApiKey_request_isAnsweredAndRecordsTheDeployment() throws Exception {
    simulator.enqueue(SimulatedReply.text("From Azure."));
    HttpRequest request = HttpRequest.newBuilder(URI.create(
            simulator.azureDeploymentUrl("coach-gpt4o") + "/chat/completions?api-version=2024-10-21"))
        .header("Content-Type", "application/json")
        .header("api-key", simulator.azureApiKey())
        .POST(HttpRequest.BodyPublishers.ofString(chatRequest(false).toString())).build();

    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("choices").path(0).path("message").path("content").asText())
        .isEqualTo("From Azure.");
    RecordedRequest recorded = simulator.lastRequest();
    assertThat(recorded.deployment()).hasValue("coach-gpt4o");
    assertThat(recorded.query()).isEqualTo("api-version=2024-10-21");
    assertThat(recorded.header("API-KEY")).hasValue(simulator.azureApiKey());
  }

  @Test
  void givenAzurePathWithBearerOnly_request_isAnswered401() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(
            simulator.azureDeploymentUrl("coach") + "/chat/completions?api-version=2024-10-21"))
        .header("Authorization", "Bearer " + simulator.apiKey())
        .POST(HttpRequest.BodyPublishers.ofString(chatRequest(false).toString())).build();

    assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
  }

  @Test
  void givenAzurePathWithoutApiVersion_request_isAnswered404() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.azureDeploymentUrl("coach") + "/chat/completions"))
        .header("api-key", simulator.azureApiKey())
        .POST(HttpRequest.BodyPublishers.ofString(chatRequest(false).toString())).build();

    assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
  }

  @Test
  void givenUnknownPath_request_isAnswered404InvalidUrl() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/completions"))
        .header("Authorization", "Bearer " + simulator.apiKey())
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(response.body()).path("error").path("message").asText())
        .isEqualTo("Invalid URL (POST /v1/completions)");
  }

  // ------------------------------------------------------------------ capture

  @Test
  void givenSeveralRequests_requests_areRecordedInOrderWithHeadersAndParsedBody() throws Exception {
    simulator.enqueue(SimulatedReply.text("one")).enqueue(SimulatedReply.text("two"));
    post(chatRequest(false));
    client.send(openAiPost(chatRequest(true).toString()).header("X-Trace", "abc").build(),
        HttpResponse.BodyHandlers.ofString());

    List<RecordedRequest> requests = simulator.requests();

    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).isStream()).isFalse();
    assertThat(requests.get(1).isStream()).isTrue();
    assertThat(requests.get(1).header("x-trace")).hasValue("abc");
    assertThat(requests.get(1).header("authorization")).hasValue("Bearer " + simulator.apiKey());
    assertThat(requests.get(1).path()).isEqualTo("/v1/chat/completions");
    assertThat(requests.get(1).messages()).hasSize(2);
    assertThat(requests.get(1).lastMessageRole()).hasValue("user");
    assertThat(requests.get(1).body()).isEqualTo(chatRequest(true));
    assertThat(requests).allSatisfy(r -> assertThat(r.violations()).isEmpty());
  }

  @Test
  void givenNotRecording_requests_areCountedAndOnlyTheInvalidOnesKept() throws Exception {
    try (OpenAiSimulator quiet = OpenAiSimulator.builder().recording(false).start()) {
      quiet.setDefaultReply(SimulatedReply.text("ok"));
      ObjectNode invalid = chatRequest(false);
      invalid.put("temperature", "hot");
      List<Integer> statuses = new ArrayList<>();
      for (ObjectNode body : List.of(chatRequest(false), chatRequest(false), invalid)) {
        statuses.add(client.send(openAiPost(quiet, body.toString()).build(), HttpResponse.BodyHandlers.ofString())
            .statusCode());
      }

      assertThat(statuses).containsExactly(200, 200, 400);
      assertThat(quiet.requestCount()).isEqualTo(3);
      assertThat(quiet.requests()).singleElement()
          .satisfies(r -> assertThat(r.violations()).isNotEmpty());
      assertThatThrownBy(quiet::verifyNoProblems).isInstanceOf(AssertionError.class)
          .hasMessageContaining("/temperature");
    }
  }

  @Test
  void givenDefaultReply_requestsBeyondTheScript_getTheDefault() throws Exception {
    simulator.setDefaultReply(SimulatedReply.text("default"));
    simulator.enqueue(SimulatedReply.text("scripted"));

    String first = JSON.readTree(post(chatRequest(false)).body()).path("choices").path(0).path("message")
        .path("content").asText();
    String second = JSON.readTree(post(chatRequest(false)).body()).path("choices").path(0).path("message")
        .path("content").asText();

    assertThat(first).isEqualTo("scripted");
    assertThat(second).isEqualTo("default");
  }

  @Test
  void givenEmptyScript_request_isAnswered500AndReportedAsAProblem() throws Exception {
    HttpResponse<String> response = post(chatRequest(false));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(simulator.simulatorFailures()).singleElement().asString().contains("no scripted reply");
    assertThatThrownBy(simulator::verifyNoProblems).isInstanceOf(AssertionError.class)
        .hasMessageContaining("no scripted reply");
  }

  // ------------------------------------------------------------------ request validation

  private void assertRejected(ObjectNode request, String location, String keyword) throws Exception {
    simulator.enqueue(SimulatedReply.text("unused"));

    HttpResponse<String> response = post(request);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("message").asText()).contains(location);
    assertThat(simulator.lastRequest().violations()).anySatisfy(v -> {
      assertThat(v.instanceLocation()).isEqualTo(location);
      assertThat(v.keyword()).isEqualTo(keyword);
    });
    assertThat(simulator.pendingScript()).as("an invalid request consumes no scripted answer").isEqualTo(1);
    assertThatThrownBy(simulator::verifyNoProblems).isInstanceOf(AssertionError.class);
  }

  @Test
  void givenMessagesAsAString_request_isRejectedNamingMessages() throws Exception {
    ObjectNode request = chatRequest(false);
    request.put("messages", "Plan my week.");
    assertRejected(request, "/messages", "type");
  }

  @Test
  void givenTemperatureAsAString_request_isRejectedNamingTemperature() throws Exception {
    ObjectNode request = chatRequest(false);
    request.put("temperature", "hot");
    assertRejected(request, "/temperature", "type");
  }

  @Test
  void givenUnknownRole_request_isRejectedNamingTheMessage() throws Exception {
    ObjectNode request = chatRequest(false);
    ((ObjectNode) request.get("messages").get(1)).put("role", "coach");
    assertRejected(request, "/messages/1", "oneOf");
  }

  @Test
  void givenMissingModel_request_isRejectedAsRequired() throws Exception {
    ObjectNode request = chatRequest(false);
    request.remove("model");
    assertRejected(request, "", "required");
    assertThat(simulator.lastRequest().violations()).anySatisfy(v -> assertThat(v.message()).contains("model"));
  }

  @Test
  void givenUnknownTopLevelField_request_isRejectedLikeTheRealApi() throws Exception {
    ObjectNode request = chatRequest(false);
    request.put("max_token", 100);
    assertRejected(request, "", "unevaluatedProperties");
    assertThat(simulator.lastRequest().violations()).anySatisfy(v -> assertThat(v.message()).contains("max_token"));
  }

  @Test
  void givenUnansweredToolCallInHistory_request_isRejectedLikeTheRealApi() throws Exception {
    ObjectNode request = withTools(chatRequest(false), "create_workout_plan");
    ((com.fasterxml.jackson.databind.node.ArrayNode) request.get("messages")).add(JSON.readTree(
        "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
            + "\"function\":{\"name\":\"create_workout_plan\",\"arguments\":\"{}\"}}]}"));
    ((com.fasterxml.jackson.databind.node.ArrayNode) request.get("messages")).addObject()
        .put("role", "user").put("content", "and?");
    assertRejected(request, "/messages/2", "tool_call_pairing");
  }

  @Test
  void givenNonJsonBody_request_isRejected400() throws Exception {
    HttpResponse<String> response = client.send(openAiPost("{\"model\":").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(simulator.lastRequest().violations()).extracting(ContractViolation::keyword).containsExactly("json");
  }

  @Test
  void givenLenientSimulator_invalidRequest_isAnsweredButItsViolationsAreRecorded() throws Exception {
    try (OpenAiSimulator lenient = OpenAiSimulator.builder().strict(false).start()) {
      lenient.enqueue(SimulatedReply.text("ok"));
      ObjectNode request = chatRequest(false);
      request.put("temperature", "hot");
      HttpRequest http = openAiPost(lenient, request.toString()).build();

      assertThat(client.send(http, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(lenient.requestViolations()).anySatisfy(v -> assertThat(v.instanceLocation()).isEqualTo("/temperature"));
    }
  }

  @Test
  void givenNotValidatingSimulator_invalidRequestAndInvalidScript_areAnsweredWithNoViolationsRecorded()
      throws Exception {
    try (OpenAiSimulator unchecked = OpenAiSimulator.builder().validating(false).start()) {
      // breaks the request schema, and the scripted finish reason breaks the response schema
      unchecked.enqueue(SimulatedReply.text("ok").withFinishReason("finished"));
      ObjectNode request = chatRequest(false);
      request.put("temperature", "hot");
      HttpRequest http = openAiPost(unchecked, request.toString()).build();

      HttpResponse<String> response = client.send(http, HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(response.body()).path("choices").path(0).path("message").path("content").asText())
          .isEqualTo("ok");
      assertThat(unchecked.requests()).singleElement()
          .satisfies(r -> assertThat(r.violations()).isEmpty());
      assertThat(unchecked.simulatorFailures()).isEmpty();
      assertThat(unchecked.toString()).contains("not validating");
    }
  }

  // ------------------------------------------------------------------ response validation

  @Test
  void givenScriptThatBreaksTheResponseSchema_request_isAnswered500AndReported() throws Exception {
    simulator.enqueue(SimulatedReply.text("x").withFinishReason("finished"));

    HttpResponse<String> response = post(chatRequest(false));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(JSON.readTree(response.body()).path("error").path("type").asText()).isEqualTo("simulator_error");
    assertThat(simulator.simulatorFailures()).singleElement().asString()
        .contains("CreateChatCompletionResponse").contains("/choices/0/finish_reason");
  }

  @Test
  void givenScriptThatBreaksTheChunkSchema_streamingRequest_isAnswered500AndReported() throws Exception {
    simulator.enqueue(SimulatedReply.text("x").withFinishReason("finished"));

    HttpResponse<String> response = post(chatRequest(true));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(simulator.simulatorFailures()).singleElement().asString()
        .contains("CreateChatCompletionStreamResponse");
  }

  // ------------------------------------------------------------------ faults

  @Test
  void givenTwoRateLimits_threeRequests_get429Twice_withRetryAfter_thenTheReply() throws Exception {
    simulator.enqueue(SimulatedFault.rateLimited(Duration.ofMillis(1500)), 2);
    simulator.enqueue(SimulatedReply.text("finally"));

    HttpResponse<String> first = post(chatRequest(false));
    HttpResponse<String> second = post(chatRequest(false));
    HttpResponse<String> third = post(chatRequest(false));

    for (HttpResponse<String> limited : List.of(first, second)) {
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("retry-after")).hasValue("2");
      assertThat(limited.headers().firstValue("retry-after-ms")).hasValue("1500");
      JsonNode error = JSON.readTree(limited.body());
      assertThat(contract.validateClosed("ErrorResponse", error)).isEmpty();
      assertThat(error.path("error").path("code").asText()).isEqualTo("rate_limit_exceeded");
    }
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(third.body()).path("choices").path(0).path("message").path("content").asText())
        .isEqualTo("finally");
  }

  @Test
  void givenServerErrorAndServiceUnavailable_requests_get500Then503() throws Exception {
    simulator.enqueue(SimulatedFault.serverError()).enqueue(SimulatedFault.serviceUnavailable());

    HttpResponse<String> first = post(chatRequest(false));
    HttpResponse<String> second = post(chatRequest(true));

    assertThat(first.statusCode()).isEqualTo(500);
    assertThat(JSON.readTree(first.body()).path("error").path("type").asText()).isEqualTo("server_error");
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(contract.validateClosed("ErrorResponse", JSON.readTree(second.body()))).isEmpty();
    simulator.verifyNoProblems();
  }

  @Test
  void givenQuotaExceeded_request_gets429WithoutRetryAfter() throws Exception {
    simulator.enqueue(SimulatedFault.quotaExceeded());

    HttpResponse<String> response = post(chatRequest(false));

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("retry-after")).isEmpty();
    assertThat(JSON.readTree(response.body()).path("error").path("code").asText()).isEqualTo("insufficient_quota");
  }

  @Test
  void givenDroppedConnection_blockingRequest_failsWithAnIoError() {
    simulator.enqueue(SimulatedFault.droppedConnection());

    assertThatThrownBy(() -> post(chatRequest(false))).isInstanceOf(IOException.class);
    assertThat(simulator.requests()).hasSize(1);
  }

  @Test
  void givenDropAfterTwoChunks_streamingRequest_deliversTwoEventsThenFailsWithoutDone() throws Exception {
    simulator.enqueue(SimulatedReply.text("This stream will be cut short.").droppingConnectionAfterChunks(2));

    HttpResponse<InputStream> response = client.send(openAiPost(chatRequest(true).toString()).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> dataLines = new ArrayList<>();
    IOException failure = null;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("data: ")) {
          dataLines.add(line.substring(6));
        }
      }
    } catch (IOException e) {
      failure = e;
    }

    assertThat(failure).as("the body ends abruptly, not with a clean end of stream").isNotNull();
    assertThat(dataLines).hasSize(2).doesNotContain("[DONE]");
  }

  @Test
  void givenSlowFirstToken_streamingRequest_sendsHeadersAtOnceAndTheFirstChunkAfterTheDelay() throws Exception {
    Duration delay = Duration.ofMillis(800);
    simulator.enqueue(SimulatedReply.text("Slow start.").withFirstTokenDelay(delay));

    long start = System.nanoTime();
    HttpResponse<InputStream> response = client.send(openAiPost(chatRequest(true).toString()).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    long headersMillis = (System.nanoTime() - start) / 1_000_000;
    String firstLine;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      firstLine = reader.readLine();
      long firstChunkMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(firstChunkMillis).isGreaterThanOrEqualTo(delay.toMillis());
      assertThat(headersMillis).isLessThan(delay.toMillis());
      while (reader.readLine() != null) {
        // drain
      }
    }
    assertThat(firstLine).startsWith("data: {");
  }

  @Test
  void givenSlowFirstToken_blockingRequest_answersAfterTheDelay() throws Exception {
    simulator.enqueue(SimulatedReply.text("Slow.").withFirstTokenDelay(Duration.ofMillis(400)));

    long start = System.nanoTime();
    HttpResponse<String> response = post(chatRequest(false));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(400);
  }

  @Test
  void givenASlowScriptedAnswerInProgress_aRequestForTheFastDefault_isAnsweredWithoutWaitingForIt() throws Exception {
    simulator.setDefaultReply(SimulatedReply.text("Fast."));
    simulator.enqueue(SimulatedReply.text("Slow.").withFirstTokenDelay(Duration.ofMillis(1_500)));
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<String>> slow = client.sendAsync(openAiPost(chatRequest(false).toString()).build(),
        HttpResponse.BodyHandlers.ofString());
    while (simulator.pendingScript() > 0 && System.nanoTime() - start < 5_000_000_000L) {
      Thread.sleep(5);
    }

    // The slow answer sleeps on a pool thread; the fast one is served on the dispatcher meanwhile.
    HttpResponse<String> fast = post(chatRequest(false));

    assertThat(fast.body()).contains("Fast.");
    assertThat(slow).isNotDone();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_200);
    assertThat(slow.get(5, TimeUnit.SECONDS).body()).contains("Slow.");
  }

  @Test
  void givenOnlyAFastDefaultReply_streamingAndBlockingRequests_areAnsweredInFullOnTheDispatcher() throws Exception {
    simulator.setDefaultReply(SimulatedReply.text("Served inline, in pieces.").withTextChunkSize(4));

    List<String> events = dataEvents(post(chatRequest(true)).body());
    HttpResponse<String> blocking = post(chatRequest(false));

    assertThat(events).last().isEqualTo("[DONE]");
    assertThat(text(chunks(events))).isEqualTo("Served inline, in pieces.");
    assertThat(blocking.statusCode()).isEqualTo(200);
    assertThat(blocking.body()).contains("Served inline, in pieces.");
    simulator.verifyNoProblems();
  }

  @Test
  void givenASlowDefaultReply_concurrentRequests_waitOnceNotOneAfterTheOther() throws Exception {
    simulator.setDefaultReply(SimulatedReply.text("Slow.").withFirstTokenDelay(Duration.ofMillis(700)));
    long start = System.nanoTime();

    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      answers.add(client.sendAsync(openAiPost(chatRequest(false).toString()).build(),
          HttpResponse.BodyHandlers.ofString()));
    }

    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      assertThat(answer.get(5, TimeUnit.SECONDS).body()).contains("Slow.");
    }
    assertThat((System.nanoTime() - start) / 1_000_000).isBetween(700L, 1_900L);
  }

  @Test
  void givenMalformedChunkAfterTwo_streamingRequest_sendsOneUnparsableEventAndStillEndsWithDone() throws Exception {
    simulator.enqueue(SimulatedReply.text("Broken in the middle.").withMalformedChunkAfter(2));

    List<String> events = dataEvents(post(chatRequest(true)).body());

    assertThat(events).last().isEqualTo("[DONE]");
    List<Integer> unparsable = new ArrayList<>();
    List<JsonNode> good = new ArrayList<>();
    for (int i = 0; i < events.size() - 1; i++) {
      try {
        good.add(JSON.readTree(events.get(i)));
      } catch (IOException e) {
        unparsable.add(i);
      }
    }
    assertThat(unparsable).containsExactly(2);
    assertThat(text(good)).isEqualTo("Broken in the middle.");
  }
}
