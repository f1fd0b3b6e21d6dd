package dev.coachkit.adapter.openai.chat;

import static dev.coachkit.adapter.openai.chat.TestModelRequestFactory.checkInSummarySchema;
import static dev.coachkit.adapter.openai.chat.TestModelRequestFactory.createWorkoutPlan;
import static dev.coachkit.adapter.openai.chat.TestModelRequestFactory.logWorkout;
import static dev.coachkit.adapter.openai.chat.TestModelRequestFactory.openAi;
import static dev.coachkit.adapter.openai.chat.TestModelRequestFactory.settings;
import static dev.coachkit.adapter.openai.chat.TestModelRequestFactory.userSays;
import static dev.coachkit.adapter.openai.chat.TestModelRequestFactory.withTools;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.adapter.openai.chat.internal.ChatSettings;
import dev.coachkit.adapter.openai.chat.internal.ProviderSettings;
import dev.coachkit.adapter.openai.chat.internal.RetryPolicy;
import dev.coachkit.adapter.openai.simulator.OpenAiSimulator;
import dev.coachkit.adapter.openai.simulator.RecordedRequest;
import dev.coachkit.adapter.openai.simulator.SimulatedFault;
import dev.coachkit.adapter.openai.simulator.SimulatedReply;
import dev.coachkit.adapter.openai.simulator.SimulatedToolCall;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.model.FinishReason;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.ModelFailure.Kind;
import dev.coachkit.ports.model.model.ModelMessage;
import dev.coachkit.ports.model.model.ModelReply;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.coachkit.ports.model.model.TokenUsage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiCoachModelTest {

  private static final ObjectMapper JACKSON = new ObjectMapper();

  private OpenAiSimulator primary;
  private OpenAiSimulator secondary;
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private OpenAiCoachModel model;

  @BeforeEach
  void startSimulators() {
    primary = OpenAiSimulator.start();
    secondary = OpenAiSimulator.start();
  }

  @AfterEach
  void verifyAndStop() {
    try {
      primary.verifyNoProblems();
      secondary.verifyNoProblems();
    } finally {
      if (model != null) {
        model.close();
      }
      primary.close();
      secondary.close();
    }
  }

  private OpenAiCoachModel onlyPrimary() {
    model = new OpenAiCoachModel(settings(sleeper, openAi("primary", primary)));
    return model;
  }

  private OpenAiCoachModel primaryThenSecondary() {
    model = new OpenAiCoachModel(settings(sleeper, openAi("primary", primary), openAi("secondary", secondary)));
    return model;
  }

  private static ModelFailure failureOf(Runnable call) {
    try {
      call.run();
    } catch (ModelFailure failure) {
      return failure;
    }
    throw new AssertionError("expected a ModelFailure");
  }

  // ---------------------------------------------------------------- blocking

  @Test
  void givenTextReply_reply_returnsTextUsageWithCachedTokensAndProvider() {
    primary.enqueue(SimulatedReply.text("Three sessions a week is a great start.").withUsage(120, 30, 100));

    ModelReply reply = onlyPrimary().reply(userSays("How often should I train?"));

    assertThat(reply.text()).isEqualTo("Three sessions a week is a great start.");
    assertThat(reply.toolCalls()).isEmpty();
    assertThat(reply.usage()).isEqualTo(TokenUsage.text(120, 100, 30));
    assertThat(reply.provider()).isEqualTo("primary");
    assertThat(reply.model()).isEqualTo("gpt-4o-mini");
    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
    JsonNode body = primary.lastRequest().body();
    assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(400);
    assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("You are a friendly fitness coach.");
    assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("How often should I train?");
    assertThat(primary.lastRequest().header("Authorization")).contains("Bearer " + primary.apiKey());
  }

  @Test
  void givenLengthFinish_reply_reportsLength() {
    primary.enqueue(SimulatedReply.text("Warm up for ten").withFinishReason("length"));

    ModelReply reply = onlyPrimary().reply(userSays("Plan my warm-up"));

    assertThat(reply.finishReason()).isEqualTo(FinishReason.LENGTH);
  }

  @Test
  void givenToolSpecs_reply_sendsToolsAndReturnsParallelToolCalls() throws Exception {
    primary.enqueue(SimulatedReply.toolCalls(
        new SimulatedToolCall("call_plan", "create_workout_plan", "{\"days_per_week\":3,\"goal\":\"strength\"}"),
        new SimulatedToolCall("call_log", "log_workout", "{\"minutes\":45}")));

    ModelReply reply = onlyPrimary().reply(withTools("Make me a plan and log today's 45 minutes",
        createWorkoutPlan(), logWorkout()));

    assertThat(reply.toolCalls()).containsExactly(
        new ToolCall("call_plan", "create_workout_plan", Json.parse("{\"days_per_week\":3,\"goal\":\"strength\"}")),
        new ToolCall("call_log", "log_workout", Json.parse("{\"minutes\":45}")));
    assertThat(reply.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(reply.text()).isEmpty();
    JsonNode tools = primary.lastRequest().body().path("tools");
    assertThat(tools).hasSize(2);
    JsonNode plan = tools.get(0).path("function");
    assertThat(plan.path("name").asText()).isEqualTo("create_workout_plan");
    assertThat(plan.path("description").asText()).isEqualTo("Creates a workout plan for the user.");
    assertThat(plan.path("strict").asBoolean()).as("a strict-compatible schema goes strict").isTrue();
    assertThat(plan.path("parameters")).isEqualTo(JACKSON.readTree(Json.write(createWorkoutPlan().parametersSchema())));
    JsonNode log = tools.get(1).path("function");
    assertThat(log.path("strict").asBoolean(false)).as("an optional property keeps a tool non-strict").isFalse();
    assertThat(log.path("parameters").path("properties").path("notes").path("type").asText()).isEqualTo("string");
    assertThat(log.path("parameters").path("required")).hasSize(1);
  }

  @Test
  void givenStrictToolsOff_reply_sendsNoStrictTool() {
    primary.enqueue(SimulatedReply.text("ok"));
    model = new OpenAiCoachModel(settings(sleeper, openAi("primary", primary)).withStrictTools(false));

    model.reply(withTools("plan", createWorkoutPlan()));

    assertThat(primary.lastRequest().body().path("tools").get(0).path("function").path("strict").asBoolean(false))
        .isFalse();
  }

  @Test
  void givenToolResults_reply_sendsAssistantToolCallsFollowedByToolMessages() {
    primary.enqueue(SimulatedReply.text("Your plan is ready and today's workout is logged."));
    ModelRequest roundTrip = new ModelRequest("You are a friendly fitness coach.", List.of(
        new ModelMessage.UserText("Make me a plan and log today's 45 minutes"),
        new ModelMessage.AssistantText("", List.of(
            new ToolCall("call_plan", "create_workout_plan", Json.parse("{\"days_per_week\":3,\"goal\":\"strength\"}")),
            new ToolCall("call_log", "log_workout", Json.parse("{\"minutes\":45}")))),
        new ModelMessage.ToolOutput("call_plan", "create_workout_plan", "{\"plan_id\":\"p-1\",\"status\":\"created\"}"),
        new ModelMessage.ToolOutput("call_log", "log_workout", "{\"logged\":true}")),
        List.of(createWorkoutPlan(), logWorkout()), Optional.empty(), 400);

    ModelReply reply = onlyPrimary().reply(roundTrip);

    assertThat(reply.text()).isEqualTo("Your plan is ready and today's workout is logged.");
    JsonNode messages = primary.lastRequest().messages();
    assertThat(messages).extracting(m -> m.path("role").asText())
        .containsExactly("system", "user", "assistant", "tool", "tool");
    JsonNode calls = messages.get(2).path("tool_calls");
    assertThat(calls).extracting(c -> c.path("id").asText()).containsExactly("call_plan", "call_log");
    assertThat(calls.get(0).path("function").path("arguments").asText())
        .isEqualTo("{\"days_per_week\":3,\"goal\":\"strength\"}");
    assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_plan");
    assertThat(messages.get(3).path("content").asText()).isEqualTo("{\"plan_id\":\"p-1\",\"status\":\"created\"}");
    assertThat(messages.get(4).path("tool_call_id").asText()).isEqualTo("call_log");
    assertThat(primary.requestViolations()).isEmpty();
  }

  @Test
  void givenInvalidJsonArguments_reply_keepsTheRawTextAsAJsonString() {
    primary.enqueue(SimulatedReply.toolCall("log_workout", "{\"minutes\":45}"));
    ModelReply first = onlyPrimary().reply(withTools("log 45", logWorkout()));
    assertThat(first.toolCalls().get(0).arguments()).isEqualTo(Json.parse("{\"minutes\":45}"));

    // and a raw-text argument (as the port carries invalid JSON) goes back to the provider verbatim
    primary.enqueue(SimulatedReply.text("done"));
    model.reply(new ModelRequest("coach", List.of(new ModelMessage.UserText("log"),
        new ModelMessage.AssistantText("", List.of(new ToolCall("call_1", "log_workout",
            dev.coachkit.ports.model.json.JsonString.of("{\"minutes\":")))),
        new ModelMessage.ToolOutput("call_1", "log_workout", "{\"error\":\"arguments are not JSON\"}")),
        List.of(logWorkout()), Optional.empty(), 100));
    assertThat(primary.lastRequest().messages().get(2).path("tool_calls").get(0).path("function").path("arguments")
        .asText()).isEqualTo("{\"minutes\":");
  }

  @Test
  void givenResponseSchema_reply_sendsStrictJsonSchemaAndReturnsJson() throws Exception {
    primary.enqueue(SimulatedReply.json("{\"adherence\":80,\"wins\":[\"3 runs\"],\"mood\":null}"));
    ModelRequest request = new ModelRequest("Summarise the week.", List.of(new ModelMessage.UserText("my week")),
        List.of(), Optional.of(checkInSummarySchema()), 300);

    ModelReply reply = onlyPrimary().reply(request);

    assertThat(Json.parse(reply.text())).isEqualTo(Json.parse("{\"adherence\":80,\"wins\":[\"3 runs\"],\"mood\":null}"));
    JsonNode format = primary.lastRequest().body().path("response_format");
    assertThat(format.path("type").asText()).isEqualTo("json_schema");
    assertThat(format.path("json_schema").path("name").asText()).isEqualTo("check_in_summary");
    assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
    assertThat(format.path("json_schema").path("schema"))
        .isEqualTo(JACKSON.readTree(Json.write(checkInSummarySchema().schema())));
  }

  // ---------------------------------------------------------------- streaming

  @Test
  void givenStreamedText_stream_deliversDeltasThenCompleteWithUsage() throws Exception {
    primary.enqueue(SimulatedReply.text("Nice work on the squats today!").withTextChunkSize(5)
        .withUsage(50, 9, 20));
    RecordingStreamListener listener = new RecordingStreamListener();

    onlyPrimary().stream(userSays("I did squats"), listener);

    listener.awaitEnd();
    assertThat(listener.deltas()).hasSizeGreaterThan(3);
    assertThat(listener.text()).isEqualTo("Nice work on the squats today!");
    assertThat(listener.events()).last().isEqualTo("complete");
    ModelReply reply = listener.completion();
    assertThat(reply.text()).isEqualTo("Nice work on the squats today!");
    assertThat(reply.usage()).isEqualTo(TokenUsage.text(50, 20, 9));
    assertThat(reply.provider()).isEqualTo("primary");
    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
    JsonNode body = primary.lastRequest().body();
    assertThat(body.path("stream").asBoolean()).isTrue();
    assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
  }

  @Test
  void givenStreamedParallelToolCalls_stream_assemblesArgumentFragments() throws Exception {
    String planArguments = "{\"days_per_week\":4,\"goal\":\"hypertrophy\"}";
    primary.enqueue(SimulatedReply.toolCalls(
        new SimulatedToolCall("call_a", "create_workout_plan", planArguments),
        new SimulatedToolCall("call_b", "log_workout", "{\"minutes\":30,\"notes\":\"easy run\"}"))
        .withArgumentChunkSize(3).withUsage(200, 40, 0));
    RecordingStreamListener listener = new RecordingStreamListener();

    onlyPrimary().stream(withTools("plan and log", createWorkoutPlan(), logWorkout()), listener);

    listener.awaitEnd();
    assertThat(listener.events()).containsExactly("tool_call", "tool_call", "complete");
    assertThat(listener.toolCalls()).containsExactly(
        new ToolCall("call_a", "create_workout_plan", Json.parse(planArguments)),
        new ToolCall("call_b", "log_workout", Json.parse("{\"minutes\":30,\"notes\":\"easy run\"}")));
    ModelReply reply = listener.completion();
    assertThat(reply.toolCalls()).isEqualTo(listener.toolCalls());
    assertThat(reply.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(reply.usage()).isEqualTo(TokenUsage.text(200, 0, 40));
  }

  @Test
  void givenConnectionDroppedAfterDeltas_stream_failsInterruptedWithoutRetryOrFallback() throws Exception {
    primary.enqueue(SimulatedReply.text("Let us get you moving today").withTextChunkSize(4)
        .droppingConnectionAfterChunks(3));
    RecordingStreamListener listener = new RecordingStreamListener();

    primaryThenSecondary().stream(userSays("motivate me"), listener);

    listener.awaitEnd();
    assertThat(listener.text()).isEqualTo("Let us g");
    assertThat(listener.events()).containsExactly("delta", "delta", "error");
    assertThat(listener.error().kind()).isEqualTo(Kind.INTERRUPTED);
    assertThat(listener.error().provider()).isEqualTo("primary");
    assertThat(primary.requests()).hasSize(1);
    assertThat(secondary.requests()).isEmpty();
  }

  @Test
  void givenConnectionDroppedBeforeAnyDelta_stream_retriesThenFallsBackToSecondary() throws Exception {
    SimulatedReply dropsEarly = SimulatedReply.text("never delivered").droppingConnectionAfterChunks(1);
    primary.enqueue(dropsEarly).enqueue(dropsEarly).enqueue(dropsEarly);
    secondary.enqueue(SimulatedReply.text("Hello from the backup."));
    RecordingStreamListener listener = new RecordingStreamListener();

    primaryThenSecondary().stream(userSays("hi"), listener);

    listener.awaitEnd();
    assertThat(listener.text()).isEqualTo("Hello from the backup.");
    assertThat(listener.completion().provider()).isEqualTo("secondary");
    assertThat(primary.requests()).hasSize(3);
    assertThat(secondary.requests()).hasSize(1);
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void givenDroppedStreamAndNoFallback_stream_failsUnavailable() throws Exception {
    primary.enqueue(SimulatedFault.droppedConnection(), 3);
    RecordingStreamListener listener = new RecordingStreamListener();

    onlyPrimary().stream(userSays("hi"), listener);

    listener.awaitEnd();
    assertThat(listener.events()).containsExactly("error");
    assertThat(listener.error().kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(primary.requests()).hasSize(3);
  }

  @Test
  void givenMalformedChunkAfterDeltas_stream_endsWithExactlyOneError() throws Exception {
    primary.enqueue(SimulatedReply.text("Keep your back straight").withTextChunkSize(4).withMalformedChunkAfter(3));
    RecordingStreamListener listener = new RecordingStreamListener();

    onlyPrimary().stream(userSays("deadlift tips"), listener);

    listener.awaitEnd();
    assertThat(listener.events()).endsWith("error").doesNotContain("complete");
    assertThat(listener.events().stream().filter("error"::equals)).hasSize(1);
    assertThat(listener.error().kind()).isEqualTo(Kind.INTERRUPTED);
  }

  @Test
  void givenRateLimitBeforeStream_stream_waitsRetryAfterThenStreams() throws Exception {
    primary.enqueue(SimulatedFault.rateLimited(Duration.ofMillis(1200)));
    primary.enqueue(SimulatedReply.text("Back in business."));
    RecordingStreamListener listener = new RecordingStreamListener();

    onlyPrimary().stream(userSays("hi"), listener);

    listener.awaitEnd();
    assertThat(listener.completion().text()).isEqualTo("Back in business.");
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(1200));
  }

  // ---------------------------------------------------------------- retries

  @Test
  void givenRateLimitWithRetryAfter_reply_waitsRetryAfterThenSucceeds() {
    primary.enqueue(SimulatedFault.rateLimited(Duration.ofMillis(1500)));
    primary.enqueue(SimulatedReply.text("Let's go."));

    ModelReply reply = onlyPrimary().reply(userSays("start"));

    assertThat(reply.text()).isEqualTo("Let's go.");
    assertThat(primary.requests()).hasSize(2);
    assertThat(sleeper.waits()).as("retry-after-ms wins over the rounded-up Retry-After seconds")
        .containsExactly(Duration.ofMillis(1500));
  }

  @Test
  void givenRetryAfterBeyondTheCap_reply_failsRateLimitedWithRetryAfterAndNoWait() {
    primary.enqueue(SimulatedFault.rateLimited(Duration.ofSeconds(90)));

    ModelFailure failure = failureOf(() -> onlyPrimary().reply(userSays("start")));

    assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(90));
    assertThat(failure.provider()).isEqualTo("primary");
    assertThat(sleeper.waits()).isEmpty();
    assertThat(primary.requests()).hasSize(1);
  }

  @Test
  void givenServerErrors_reply_retriesWithExponentialBackoffThenSucceeds() {
    primary.enqueue(SimulatedFault.serverError(), 2);
    primary.enqueue(SimulatedReply.text("Sorry for the wait."));

    ModelReply reply = onlyPrimary().reply(userSays("hello?"));

    assertThat(reply.text()).isEqualTo("Sorry for the wait.");
    assertThat(primary.requests()).hasSize(3);
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void givenJitter_reply_waitsLessThanTheComputedBackoff() {
    primary.enqueue(SimulatedFault.serviceUnavailable());
    primary.enqueue(SimulatedReply.text("ok"));
    model = new OpenAiCoachModel(settings(sleeper, openAi("primary", primary)).withRandom(() -> 1.0));

    model.reply(userSays("hello?"));

    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void givenServerErrorsBeyondTheAttempts_reply_failsUnavailable() {
    primary.enqueue(SimulatedFault.serverError(), 3);

    ModelFailure failure = failureOf(() -> onlyPrimary().reply(userSays("hello?")));

    assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(failure.getMessage()).contains("HTTP 500");
    assertThat(primary.requests()).hasSize(3);
  }

  @Test
  void givenBadRequest_reply_failsRejectedWithoutRetryOrFallback() {
    primary.enqueue(SimulatedFault.httpError(400, "invalid_request_error", "context_length_exceeded",
        "This model's maximum context length is 128000 tokens."));

    ModelFailure failure = failureOf(() -> primaryThenSecondary().reply(userSays("a very long story")));

    assertThat(failure.kind()).isEqualTo(Kind.REJECTED_REQUEST);
    assertThat(failure.getMessage()).contains("context_length_exceeded").contains("maximum context length");
    assertThat(primary.requests()).hasSize(1);
    assertThat(secondary.requests()).isEmpty();
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void givenWrongApiKey_reply_failsAuthenticationWithoutRetryOrFallback() {
    model = new OpenAiCoachModel(settings(sleeper,
        ProviderSettings.openAi("primary", primary.baseUrl(), "sk-wrong", "gpt-4o-mini",
            TestModelRequestFactory.CONNECT, TestModelRequestFactory.READ),
        openAi("secondary", secondary)));

    ModelFailure failure = failureOf(() -> model.reply(userSays("hi")));

    assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
    assertThat(primary.requests()).hasSize(1);
    assertThat(secondary.requests()).isEmpty();
  }

  @Test
  void givenQuotaExceeded_reply_doesNotRetryButFallsBack() {
    primary.enqueue(SimulatedFault.quotaExceeded());
    secondary.enqueue(SimulatedReply.text("Backup here."));

    ModelReply reply = primaryThenSecondary().reply(userSays("hi"));

    assertThat(reply.provider()).isEqualTo("secondary");
    assertThat(primary.requests()).hasSize(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  // ---------------------------------------------------------------- fallback

  @Test
  void givenPrimaryDown_reply_secondaryAnswersAndReplySaysWhich() {
    primary.enqueue(SimulatedFault.serverError(), 3);
    secondary.enqueue(SimulatedReply.text("Backup coach here."));

    ModelReply reply = primaryThenSecondary().reply(userSays("hi"));

    assertThat(reply.text()).isEqualTo("Backup coach here.");
    assertThat(reply.provider()).isEqualTo("secondary");
    assertThat(primary.requests()).hasSize(3);
    assertThat(secondary.requests()).hasSize(1);
  }

  @Test
  void givenPrimaryUnreachable_reply_fallsBackToSecondary() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    secondary.enqueue(SimulatedReply.text("Backup coach here."));
    model = new OpenAiCoachModel(settings(sleeper,
        ProviderSettings.openAi("primary", "http://127.0.0.1:" + closedPort + "/v1", "sk-x", "gpt-4o-mini",
            TestModelRequestFactory.CONNECT, TestModelRequestFactory.READ),
        openAi("secondary", secondary)));

    ModelReply reply = model.reply(userSays("hi"));

    assertThat(reply.provider()).isEqualTo("secondary");
    assertThat(sleeper.waits()).hasSize(2);
  }

  @Test
  void givenEveryProviderDown_reply_failsUnavailableNamingEach() {
    primary.enqueue(SimulatedFault.serverError(), 3);
    secondary.enqueue(SimulatedFault.serviceUnavailable(), 3);

    ModelFailure failure = failureOf(() -> primaryThenSecondary().reply(userSays("hi")));

    assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(failure.provider()).isEqualTo("secondary");
    assertThat(failure.getMessage()).contains("primary: HTTP 500").contains("secondary: HTTP 503");
  }

  // ---------------------------------------------------------------- providers

  @Test
  void givenAzureProvider_reply_postsToTheDeploymentWithApiVersionAndApiKeyHeader() {
    primary.enqueue(SimulatedReply.text("Hello from Azure."));
    model = new OpenAiCoachModel(settings(sleeper, ProviderSettings.azure("azure", primary.azureEndpoint(),
        "coach-gpt-4o", "2024-10-21", primary.azureApiKey(), Optional.empty(), TestModelRequestFactory.CONNECT,
        TestModelRequestFactory.READ)));

    ModelReply reply = model.reply(userSays("hi"));

    assertThat(reply.text()).isEqualTo("Hello from Azure.");
    assertThat(reply.provider()).isEqualTo("azure");
    RecordedRequest request = primary.lastRequest();
    assertThat(request.path()).isEqualTo("/openai/deployments/coach-gpt-4o/chat/completions");
    assertThat(request.deployment()).contains("coach-gpt-4o");
    assertThat(request.query()).isEqualTo("api-version=2024-10-21");
    assertThat(request.header("api-key")).contains(primary.azureApiKey());
    assertThat(request.header("Authorization")).isEmpty();
    assertThat(request.body().path("model").asText()).isEqualTo("coach-gpt-4o");
  }

  @Test
  void givenAzureStream_stream_usesTheDeploymentPath() throws Exception {
    primary.enqueue(SimulatedReply.text("Streaming from Azure."));
    model = new OpenAiCoachModel(settings(sleeper, ProviderSettings.azure("azure", primary.azureEndpoint() + "/",
        "coach-gpt-4o", "2024-10-21", primary.azureApiKey(), Optional.of("gpt-4o"), TestModelRequestFactory.CONNECT,
        TestModelRequestFactory.READ)));
    RecordingStreamListener listener = new RecordingStreamListener();

    model.stream(userSays("hi"), listener);

    listener.awaitEnd();
    assertThat(listener.text()).isEqualTo("Streaming from Azure.");
    assertThat(primary.lastRequest().isAzure()).isTrue();
    assertThat(primary.lastRequest().body().path("model").asText()).isEqualTo("gpt-4o");
  }

  @Test
  void givenCompatibleProviderWithoutKey_reply_sendsNoAuthorizationAndMaxTokens() throws Exception {
    primary.enqueue(SimulatedReply.text("Hi from a local model."));
    try (KeylessProxy proxy = KeylessProxy.to(primary)) {
      model = new OpenAiCoachModel(settings(sleeper, ProviderSettings.compatible("ollama", proxy.baseUrl(),
          Optional.empty(), "llama3.1", TestModelRequestFactory.CONNECT, TestModelRequestFactory.READ)));

      ModelReply reply = model.reply(userSays("hi"));

      assertThat(reply.text()).isEqualTo("Hi from a local model.");
      assertThat(reply.provider()).isEqualTo("ollama");
      assertThat(proxy.authorizationHeaders()).containsExactly(Optional.empty());
    }
    JsonNode body = primary.lastRequest().body();
    assertThat(body.path("model").asText()).isEqualTo("llama3.1");
    assertThat(body.path("max_tokens").asInt()).isEqualTo(400);
    assertThat(body.has("max_completion_tokens")).isFalse();
  }

  // ---------------------------------------------------------------- timeouts

  @Test
  void givenSlowAnswer_reply_failsTimeout() {
    primary.enqueue(SimulatedReply.text("too late").withFirstTokenDelay(Duration.ofMillis(1500)));
    model = new OpenAiCoachModel(settings(sleeper, openAi("primary", primary, Duration.ofMillis(300)))
        .withRetry(RetryPolicy.NONE));

    ModelFailure failure = failureOf(() -> model.reply(userSays("hi")));

    assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
  }

  @Test
  void givenSlowFirstTokenAfterHeaders_stream_failsTimeout() throws Exception {
    primary.enqueue(SimulatedReply.text("too late").withFirstTokenDelay(Duration.ofMillis(1500)));
    model = new OpenAiCoachModel(settings(sleeper, openAi("primary", primary, Duration.ofMillis(300)))
        .withRetry(RetryPolicy.NONE));
    RecordingStreamListener listener = new RecordingStreamListener();
    long start = System.nanoTime();

    model.stream(userSays("hi"), listener);

    listener.awaitEnd();
    assertThat(listener.events()).containsExactly("error");
    assertThat(listener.error().kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
  }

  @Test
  void givenSlowPrimary_reply_retriesThenFallsBackAfterTimeouts() {
    SimulatedReply slow = SimulatedReply.text("too late").withFirstTokenDelay(Duration.ofMillis(1200));
    primary.enqueue(slow).enqueue(slow);
    secondary.enqueue(SimulatedReply.text("fast backup"));
    model = new OpenAiCoachModel(settings(sleeper, openAi("primary", primary, Duration.ofMillis(300)),
        openAi("secondary", secondary)).withRetry(RetryPolicy.DEFAULT.withMaxAttempts(2)));

    ModelReply reply = model.reply(userSays("hi"));

    assertThat(reply.provider()).isEqualTo("secondary");
    assertThat(sleeper.waits()).hasSize(1);
  }

  // ---------------------------------------------------------------- not configured

  @Test
  void givenNoProvider_replyAndStream_failNotConfiguredSayingHowToConfigure() throws Exception {
    model = new OpenAiCoachModel(ChatSettings.notConfigured(
        "coach.openai (openai) is not configured: missing coach.openai.api-key"));

    ModelFailure failure = failureOf(() -> model.reply(userSays("hi")));
    RecordingStreamListener listener = new RecordingStreamListener();
    model.stream(userSays("hi"), listener);

    assertThat(failure.kind()).isEqualTo(Kind.NOT_CONFIGURED);
    assertThat(failure.getMessage()).contains("coach.openai.api-key").contains("COACH_OPENAI_API_KEY");
    listener.awaitEnd();
    assertThat(listener.error().kind()).isEqualTo(Kind.NOT_CONFIGURED);
    assertThat(model.isConfigured()).isFalse();
    assertThat(model.describe()).contains("NOT CONFIGURED").contains("coach.openai.api-key");
  }

  @Test
  void givenProviders_describe_listsTheChainWithoutTheKey() {
    primaryThenSecondary();

    assertThat(model.isConfigured()).isTrue();
    assertThat(model.describe()).contains("primary (openai, model gpt-4o-mini at " + primary.baseUrl())
        .contains("falling back to secondary").doesNotContain(primary.apiKey());
  }
}
