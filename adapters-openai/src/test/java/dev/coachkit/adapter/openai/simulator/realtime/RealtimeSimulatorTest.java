package dev.coachkit.adapter.openai.simulator.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RealtimeSimulatorTest {

  static final Duration T = Duration.ofSeconds(10);
  RealtimeSimulator sim;
  final List<JdkRealtimeClient> clients = new ArrayList<>();

  @BeforeEach
  void start() {
    sim = RealtimeSimulator.start(RealtimeSimulator.Options.defaults().withChunkIntervalMs(0));
  }

  @AfterEach
  void stop() {
    clients.forEach(JdkRealtimeClient::close);
    try {
      sim.assertNoServerViolations();
    } finally {
      sim.close();
    }
  }

  JdkRealtimeClient ga() {
    return connect(sim.realtimeUri("gpt-realtime"), Map.of("Authorization", "Bearer " + sim.apiKey()));
  }

  JdkRealtimeClient beta() {
    return connect(sim.realtimeUri("gpt-4o-realtime-preview"),
        Map.of("Authorization", "Bearer " + sim.apiKey(), "OpenAI-Beta", "realtime=v1"));
  }

  JdkRealtimeClient connect(URI uri, Map<String, String> headers, String... subprotocols) {
    JdkRealtimeClient c = JdkRealtimeClient.connect(uri, headers, subprotocols);
    clients.add(c);
    return c;
  }

  static String gaVadUpdate(int silenceMs, String transcriptionModel) {
    return "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"instructions\":\"Coach the user.\","
        + "\"audio\":{\"input\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000},"
        + "\"transcription\":{\"model\":\"" + transcriptionModel + "\"},"
        + "\"turn_detection\":{\"type\":\"server_vad\",\"threshold\":0.5,\"prefix_padding_ms\":300,"
        + "\"silence_duration_ms\":" + silenceMs + "}},\"output\":{\"voice\":\"marin\"}}}}";
  }

  // ------------------------------------------------------------------ handshakes

  @Test
  void givenGaHandshake_connect_firstEventIsGaSessionCreated() {
    JdkRealtimeClient c = ga();
    JsonNode created = c.await("session.created", T);
    assertThat(c.received.get(0).path("type").asText()).isEqualTo("session.created");
    assertThat(created.at("/session/type").asText()).isEqualTo("realtime");
    assertThat(created.at("/session/audio/input/format/rate").asInt()).isEqualTo(24000);
    assertThat(created.at("/session/input_audio_format").isMissingNode()).isTrue();
    assertThat(created.at("/session/expires_at").asLong())
        .isCloseTo(Instant.now().plus(Duration.ofMinutes(60)).getEpochSecond(), within(5L));
    SimulatedSession s = sim.awaitSession(T);
    assertThat(s.protocol()).isEqualTo(RealtimeProtocol.GA);
    assertThat(s.model()).isEqualTo("gpt-realtime");
  }

  @Test
  void givenBetaHeader_connect_sessionCreatedIsFlatBetaShape() {
    JdkRealtimeClient c = beta();
    JsonNode created = c.await("session.created", T);
    assertThat(created.at("/session/input_audio_format").asText()).isEqualTo("pcm16");
    assertThat(created.at("/session/object").asText()).isEqualTo("realtime.session");
    assertThat(created.at("/session/audio").isMissingNode()).isTrue();
    assertThat(sim.awaitSession(T).protocol()).isEqualTo(RealtimeProtocol.BETA);
  }

  @Test
  void givenBetaSubprotocolAndKeySubprotocol_connect_isBeta() {
    JdkRealtimeClient c = connect(sim.realtimeUri("gpt-4o-realtime-preview"), Map.of(), "realtime",
        "openai-insecure-api-key." + sim.apiKey(), "openai-beta.realtime-v1");
    assertThat(c.await("session.created", T).at("/session/modalities").isArray()).isTrue();
    assertThat(sim.awaitSession(T).protocol()).isEqualTo(RealtimeProtocol.BETA);
  }

  @Test
  void givenAzurePaths_connectWithApiKeyHeader_betaAndGaAreChosenByPath() {
    JdkRealtimeClient azureBeta = connect(URI.create(sim.wsBaseUrl()
        + "/openai/realtime?api-version=2024-10-01-preview&deployment=my-realtime"), Map.of("api-key", sim.apiKey()));
    azureBeta.await("session.created", T);
    SimulatedSession beta = sim.awaitSession(T);
    assertThat(beta.protocol()).isEqualTo(RealtimeProtocol.BETA);
    assertThat(beta.model()).isEqualTo("my-realtime");
    assertThat(beta.handshakeHeaders()).containsEntry("api-key", sim.apiKey());

    JdkRealtimeClient azureGa = connect(URI.create(sim.wsBaseUrl() + "/openai/v1/realtime?model=my-gpt-realtime"),
        Map.of("api-key", sim.apiKey()));
    assertThat(azureGa.await("session.created", T).at("/session/type").asText()).isEqualTo("realtime");
    assertThat(sim.awaitSession(T).protocol()).isEqualTo(RealtimeProtocol.GA);
  }

  @Test
  void givenWrongOrMissingKey_connect_isRefusedWith401() {
    assertThatThrownBy(() -> JdkRealtimeClient.connect(sim.realtimeUri("gpt-realtime"),
        Map.of("Authorization", "Bearer sk-wrong-key-123")))
        .isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class)
        .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
            .isEqualTo(401));
    assertThatThrownBy(() -> JdkRealtimeClient.connect(sim.realtimeUri("gpt-realtime"), Map.of()))
        .hasCauseInstanceOf(WebSocketHandshakeException.class);
    assertThat(sim.sessions()).isEmpty();
  }

  // ------------------------------------------------------------------ session.update and validation

  @Test
  void givenGaSession_sessionUpdate_sessionUpdatedReflectsNestedConfig() {
    JdkRealtimeClient c = ga();
    c.send(gaVadUpdate(600, "gpt-4o-transcribe"));
    JsonNode updated = c.await("session.updated", T).get("session");
    assertThat(updated.at("/instructions").asText()).isEqualTo("Coach the user.");
    assertThat(updated.at("/audio/input/turn_detection/silence_duration_ms").asInt()).isEqualTo(600);
    assertThat(updated.at("/audio/input/transcription/model").asText()).isEqualTo("gpt-4o-transcribe");
    assertThat(updated.at("/audio/output/voice").asText()).isEqualTo("marin");
    assertThat(updated.at("/audio/output/format/type").asText()).isEqualTo("audio/pcm");
  }

  @Test
  void givenBetaSession_flatSessionUpdate_sessionUpdatedReflectsFlatConfig() {
    JdkRealtimeClient c = beta();
    c.send("{\"type\":\"session.update\",\"session\":{\"modalities\":[\"text\",\"audio\"],\"voice\":\"coral\","
        + "\"input_audio_format\":\"pcm16\",\"input_audio_transcription\":{\"model\":\"whisper-1\"},"
        + "\"turn_detection\":{\"type\":\"server_vad\",\"silence_duration_ms\":700}}}");
    JsonNode updated = c.await("session.updated", T).get("session");
    assertThat(updated.at("/voice").asText()).isEqualTo("coral");
    assertThat(updated.at("/turn_detection/silence_duration_ms").asInt()).isEqualTo(700);
    assertThat(updated.at("/turn_detection/threshold").asDouble()).isEqualTo(0.5);
    assertThat(updated.at("/input_audio_transcription/model").asText()).isEqualTo("whisper-1");
  }

  @Test
  void givenGaSession_sessionUpdateWithBetaFlatField_isRejectedAndSessionStaysOpen() {
    JdkRealtimeClient c = ga();
    c.await("session.created", T);
    c.send("{\"event_id\":\"evt_bad_1\",\"type\":\"session.update\",\"session\":{\"type\":\"realtime\","
        + "\"input_audio_format\":\"pcm16\"}}");
    JsonNode error = c.await("error", T).get("error");
    assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.get("code").asText()).isEqualTo("invalid_event");
    assertThat(error.get("event_id").asText()).isEqualTo("evt_bad_1");
    assertThat(error.get("message").asText()).contains("input_audio_format");
    SimulatedSession s = sim.awaitSession(T);
    assertThat(s.rejectedClientEvents()).hasSize(1);
    assertThat(c.ofType("session.updated")).isEmpty();

    c.send(gaVadUpdate(500, "whisper-1"));
    c.await("session.updated", T);
    assertThat(s.clientEvents("session.update")).hasSize(2);
  }

  @Test
  void givenClientEventsWithMissingFieldUnknownTypeOrNoType_send_eachGetsInvalidEventError() {
    JdkRealtimeClient c = ga();
    c.await("session.created", T);
    c.send("{\"event_id\":\"e1\",\"type\":\"input_audio_buffer.append\"}");
    c.send("{\"event_id\":\"e2\",\"type\":\"response.audio.delta\",\"delta\":\"\"}");
    c.send("{\"event_id\":\"e3\"}");
    c.send("{\"event_id\":\"e4\",\"type\":\"conversation.item.truncate\",\"item_id\":\"x\",\"content_index\":0,"
        + "\"audio_end_ms\":\"late\"}");
    List<JsonNode> errors = c.awaitCount("error", 4, T);
    assertThat(errors).extracting(e -> e.at("/error/event_id").asText()).containsExactly("e1", "e2", "e3", "e4");
    assertThat(errors).allSatisfy(e -> assertThat(e.at("/error/code").asText()).isEqualTo("invalid_event"));
    assertThat(errors.get(0).at("/error/message").asText()).contains("audio");
    assertThat(errors.get(2).at("/error/message").asText()).isEqualTo("$.type: The 'type' field is missing.");
    assertThat(sim.awaitSession(T).awaitRejected(4, T)).hasSize(4);
  }

  @Test
  void givenBetaSession_gaOnlyEventShape_isRejected() {
    JdkRealtimeClient c = beta();
    c.await("session.created", T);
    // GA session.update body (nested audio, session.type) is not a beta session
    c.send(gaVadUpdate(500, "whisper-1"));
    assertThat(c.await("error", T).at("/error/code").asText()).isEqualTo("invalid_event");
  }

  // ------------------------------------------------------------------ VAD and responses

  @Test
  void givenServerVad_silenceToneSilence_speechStartStopCommitTranscriptAndAudioReply() {
    sim.enqueue(ScriptedTurn.reply("I want to get stronger.", "Great goal! Let's build a plan together.", 1250));
    JdkRealtimeClient c = ga();
    c.send(gaVadUpdate(500, "whisper-1"));
    c.await("session.updated", T);
    c.appendAudio(Pcm16.concat(Pcm16.silence(1000), Pcm16.tone(1200, 440, 0.3), Pcm16.silence(900)), 20);

    JsonNode started = c.await("input_audio_buffer.speech_started", T);
    JsonNode stopped = c.await("input_audio_buffer.speech_stopped", T);
    // speech begins at 1000 ms; start includes the 300 ms prefix padding; stop is 500 ms of silence after 2200 ms
    assertThat(started.get("audio_start_ms").asLong()).isBetween(690L, 710L);
    assertThat(stopped.get("audio_end_ms").asLong()).isBetween(2690L, 2710L);
    String itemId = started.get("item_id").asText();
    assertThat(stopped.get("item_id").asText()).isEqualTo(itemId);
    assertThat(c.await("input_audio_buffer.committed", T).get("item_id").asText()).isEqualTo(itemId);
    assertThat(c.await("conversation.item.added", T).at("/item/role").asText()).isEqualTo("user");
    assertThat(c.await("conversation.item.input_audio_transcription.completed", T).get("transcript").asText())
        .isEqualTo("I want to get stronger.");

    JsonNode done = c.await("response.done", T).get("response");
    assertThat(done.get("status").asText()).isEqualTo("completed");
    assertThat(done.at("/output/0/content/0/type").asText()).isEqualTo("output_audio");
    assertThat(done.at("/output/0/content/0/transcript").asText()).isEqualTo("Great goal! Let's build a plan together.");
    assertThat(done.at("/usage/output_token_details/audio_tokens").asInt()).isEqualTo(1250 / 50);
    assertThat(done.at("/usage/input_token_details/audio_tokens").asInt()).isGreaterThan(0);
    assertThat(done.at("/usage/total_tokens").asInt()).isEqualTo(
        done.at("/usage/input_tokens").asInt() + done.at("/usage/output_tokens").asInt());

    java.io.ByteArrayOutputStream audio = new java.io.ByteArrayOutputStream();
    c.ofType("response.output_audio.delta").forEach(d -> audio.writeBytes(Pcm16.fromBase64(d.get("delta").asText())));
    assertThat(Pcm16.durationMs(audio.toByteArray())).isEqualTo(1250.0);
    assertThat(Pcm16.rms(audio.toByteArray())).isGreaterThan(0.1);
    String transcript = c.ofType("response.output_audio_transcript.delta").stream()
        .map(d -> d.get("delta").asText()).reduce("", String::concat);
    assertThat(transcript).isEqualTo("Great goal! Let's build a plan together.");
    assertThat(c.types()).containsSubsequence("response.created", "rate_limits.updated", "response.output_item.added",
        "response.content_part.added", "response.output_audio.delta", "response.output_audio.done",
        "response.output_audio_transcript.done", "response.content_part.done", "response.output_item.done",
        "response.done");
    // The client sent all its audio at once and VAD answered after 2,700 ms of it: on a busy machine the simulator
    // can still be taking in the last frames when response.done arrives, so wait for them (at most T).
    long sent = (1000 + 1200 + 900) * Pcm16.BYTES_PER_MS;
    assertThat(sim.awaitSession(T).awaitAudioBytesReceived(sent, T)).isEqualTo(sent);
  }

  @Test
  void givenServerVad_onlySilenceAndQuietNoise_noSpeechIsDetected() {
    JdkRealtimeClient c = ga();
    c.send(gaVadUpdate(500, "whisper-1"));
    c.appendAudio(Pcm16.concat(Pcm16.silence(1000), Pcm16.noise(1000, 0.01, 7)), 20);
    // events are handled in order: once this bad event is answered, all audio before it was analysed
    c.send("{\"event_id\":\"fence\",\"type\":\"no.such.event\"}");
    c.await("error", T);
    assertThat(c.ofType("input_audio_buffer.speech_started")).isEmpty();
  }

  @Test
  void givenBetaServerVad_loudNoise_betaEventNamesAndWhisperTranscript() {
    sim.enqueue(ScriptedTurn.reply("Hi coach.", "Hi there!", 400));
    JdkRealtimeClient c = beta();
    c.send("{\"type\":\"session.update\",\"session\":{\"input_audio_transcription\":{\"model\":\"whisper-1\"},"
        + "\"turn_detection\":{\"type\":\"server_vad\",\"silence_duration_ms\":300}}}");
    c.appendAudio(Pcm16.concat(Pcm16.silence(400), Pcm16.noise(700, 0.4, 1), Pcm16.silence(500)), 40);
    JsonNode done = c.await("response.done", T).get("response");
    assertThat(done.at("/output/0/content/0/type").asText()).isEqualTo("audio");
    assertThat(done.at("/output/0/object").asText()).isEqualTo("realtime.item");
    assertThat(done.at("/usage/input_token_details/image_tokens").isMissingNode()).isTrue();
    assertThat(c.ofType("response.audio.delta")).isNotEmpty();
    assertThat(c.ofType("response.output_audio.delta")).isEmpty();
    assertThat(c.ofType("conversation.item.created")).isNotEmpty();
    JsonNode completed = c.await("conversation.item.input_audio_transcription.completed", T);
    assertThat(completed.get("transcript").asText()).isEqualTo("Hi coach.");
    assertThat(completed.at("/usage/type").asText()).isEqualTo("duration");
  }

  @Test
  void givenManualTurns_commitThenResponseCreate_replies() {
    sim.enqueue(ScriptedTurn.reply("Plan my week.", "Here is your week.", 300));
    JdkRealtimeClient c = ga();
    c.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":"
        + "{\"turn_detection\":null,\"transcription\":{\"model\":\"gpt-4o-transcribe\"}}}}}");
    c.await("session.updated", T);
    c.send("{\"type\":\"input_audio_buffer.commit\"}");
    assertThat(c.await("error", T).at("/error/code").asText()).isEqualTo("input_audio_buffer_commit_empty");
    c.appendAudio(Pcm16.tone(800, 300, 0.3), 100);
    c.send("{\"type\":\"input_audio_buffer.commit\"}");
    c.await("input_audio_buffer.committed", T);
    JsonNode completed = c.await("conversation.item.input_audio_transcription.completed", T);
    assertThat(completed.at("/usage/type").asText()).isEqualTo("tokens");
    assertThat(c.ofType("input_audio_buffer.speech_started")).isEmpty();
    assertThat(c.ofType("response.created")).isEmpty();
    c.send("{\"type\":\"response.create\"}");
    assertThat(c.await("response.done", T).at("/response/output/0/content/0/transcript").asText())
        .isEqualTo("Here is your week.");
  }

  @Test
  void givenUserTextItem_responseCreate_repliesAndTextOnlyModalityStreamsText() {
    sim.enqueue(ScriptedTurn.reply("", "Text answer here.", 0));
    JdkRealtimeClient c = ga();
    c.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
        + "\"content\":[{\"type\":\"input_text\",\"text\":\"What should I eat?\"}]}}");
    assertThat(c.await("conversation.item.added", T).at("/item/content/0/text").asText()).isEqualTo("What should I eat?");
    c.send("{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"text\"]}}");
    JsonNode done = c.await("response.done", T).get("response");
    assertThat(done.at("/output/0/content/0/type").asText()).isEqualTo("output_text");
    assertThat(done.at("/output/0/content/0/text").asText()).isEqualTo("Text answer here.");
    assertThat(c.ofType("response.output_text.delta")).isNotEmpty();
    assertThat(c.ofType("response.output_audio.delta")).isEmpty();
  }

  @Test
  void givenScriptedFunctionCall_flow_argumentDeltasThenOutputThenFollowUp() {
    String args = "{\"goal\":\"strength\",\"days_per_week\":3}";
    sim.enqueue(ScriptedTurn.reply("Make me a plan.", "Let me create that plan.", 300)
            .thenCall("create_workout_plan", args),
        ScriptedTurn.reply("", "Your plan is ready.", 300));
    JdkRealtimeClient c = ga();
    c.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
        + "\"content\":[{\"type\":\"input_text\",\"text\":\"Make me a plan.\"}]}}");
    c.send("{\"type\":\"response.create\"}");
    JsonNode argsDone = c.await("response.function_call_arguments.done", T);
    assertThat(argsDone.get("name").asText()).isEqualTo("create_workout_plan");
    assertThat(argsDone.get("arguments").asText()).isEqualTo(args);
    assertThat(argsDone.get("output_index").asInt()).isEqualTo(1);
    String joined = c.ofType("response.function_call_arguments.delta").stream()
        .map(d -> d.get("delta").asText()).reduce("", String::concat);
    assertThat(joined).isEqualTo(args);
    assertThat(c.ofType("response.function_call_arguments.delta")).hasSizeGreaterThan(1);
    JsonNode first = c.await("response.done", T).get("response");
    assertThat(first.at("/output/1/type").asText()).isEqualTo("function_call");
    String callId = argsDone.get("call_id").asText();
    assertThat(first.at("/output/1/call_id").asText()).isEqualTo(callId);

    c.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\",\"call_id\":\""
        + callId + "\",\"output\":\"{\\\"plan_id\\\":\\\"p1\\\"}\"}}");
    c.send("{\"type\":\"response.create\"}");
    List<JsonNode> dones = c.awaitCount("response.done", 2, T);
    assertThat(dones.get(1).at("/response/output/0/content/0/transcript").asText()).isEqualTo("Your plan is ready.");
    assertThat(sim.awaitSession(T).clientEvents("conversation.item.create").get(1).at("/item/type").asText())
        .isEqualTo("function_call_output");
  }

  @Test
  void givenActiveResponse_responseCancel_doneIsCancelledByClient() {
    sim.close();
    sim = RealtimeSimulator.start(RealtimeSimulator.Options.defaults().withChunkIntervalMs(50));
    sim.enqueue(ScriptedTurn.reply("", "A long answer that takes a while to say out loud.", 5000));
    JdkRealtimeClient c = ga();
    c.send("{\"type\":\"response.create\"}");
    c.await("response.output_audio.delta", T);
    c.send("{\"type\":\"response.create\"}");
    assertThat(c.await("error", T).at("/error/code").asText()).isEqualTo("conversation_already_has_active_response");
    c.send("{\"type\":\"response.cancel\"}");
    JsonNode done = c.await("response.done", T).get("response");
    assertThat(done.get("status").asText()).isEqualTo("cancelled");
    assertThat(done.at("/status_details/reason").asText()).isEqualTo("client_cancelled");
    assertThat(done.at("/output/0/status").asText()).isEqualTo("incomplete");
    assertThat(c.ofType("response.output_audio.delta").size()).isLessThan(50);
    c.send("{\"event_id\":\"c2\",\"type\":\"response.cancel\"}");
    assertThat(c.await(e -> "c2".equals(e.at("/error/event_id").asText()), T).at("/error/code").asText())
        .isEqualTo("response_cancel_not_active");
  }

  @Test
  void givenAssistantSpeaking_userSpeaks_bargeInCancelsWithTurnDetectedAndTruncateIsAcknowledged() {
    sim.close();
    sim = RealtimeSimulator.start(RealtimeSimulator.Options.defaults().withChunkIntervalMs(40));
    sim.enqueue(ScriptedTurn.reply("", "Let me explain the whole program in detail now.", 6000),
        ScriptedTurn.reply("Wait.", "Sure, go ahead.", 300));
    JdkRealtimeClient c = ga();
    c.send(gaVadUpdate(300, "whisper-1"));
    c.send("{\"type\":\"response.create\"}");
    List<JsonNode> deltas = c.awaitCount("response.output_audio.delta", 3, T);
    String itemId = deltas.get(0).get("item_id").asText();
    c.appendAudio(Pcm16.concat(Pcm16.tone(600, 500, 0.4), Pcm16.silence(400)), 20);
    c.await("input_audio_buffer.speech_started", T);
    JsonNode cancelled = c.await(e -> "response.done".equals(e.path("type").asText()), T).get("response");
    assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
    assertThat(cancelled.at("/status_details/reason").asText()).isEqualTo("turn_detected");
    assertThat(c.types().indexOf("input_audio_buffer.speech_started"))
        .isLessThan(c.types().indexOf("response.done"));

    c.send("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + itemId
        + "\",\"content_index\":0,\"audio_end_ms\":150}");
    JsonNode truncated = c.await("conversation.item.truncated", T);
    assertThat(truncated.get("item_id").asText()).isEqualTo(itemId);
    assertThat(truncated.get("audio_end_ms").asInt()).isEqualTo(150);
    c.send("{\"event_id\":\"t2\",\"type\":\"conversation.item.truncate\",\"item_id\":\"" + itemId
        + "\",\"content_index\":0,\"audio_end_ms\":999999}");
    assertThat(c.await(e -> "t2".equals(e.at("/error/event_id").asText()), T).at("/error/code").asText())
        .isEqualTo("invalid_value");
    // the user's turn that interrupted is answered
    assertThat(c.awaitCount("response.done", 2, T).get(1).at("/response/status").asText()).isEqualTo("completed");
  }

  // ------------------------------------------------------------------ faults

  @Test
  void givenDropArmed_responseStreams_connectionDropsAbnormallyMidResponse() {
    sim.enqueue(ScriptedTurn.reply("", "This answer will be cut off.", 2000));
    JdkRealtimeClient c = ga();
    SimulatedSession s = sim.awaitSession(T);
    s.dropDuringNextResponse(3);
    c.send("{\"type\":\"response.create\"}");
    int code = c.awaitClose(T);
    assertThat(code).as("close code; received %s", c.types()).isEqualTo(1006);
    assertThat(c.ofType("response.output_audio.delta")).hasSizeLessThanOrEqualTo(3);
    assertThat(c.ofType("response.done")).isEmpty();
    s.awaitClosed(T);
  }

  @Test
  void givenOpenSession_injectedError_isDeliveredAndSessionStaysUsable() {
    JdkRealtimeClient c = ga();
    SimulatedSession s = sim.awaitSession(T);
    s.sendError("server_error", "server_error", "The server had an error while processing your request.");
    assertThat(c.await("error", T).at("/error/type").asText()).isEqualTo("server_error");
    c.send(gaVadUpdate(500, "whisper-1"));
    c.await("session.updated", T);
  }

  @Test
  void givenStall_clientSends_nothingArrivesUntilResume() {
    JdkRealtimeClient c = ga();
    c.await("session.created", T);
    SimulatedSession s = sim.awaitSession(T);
    s.stall();
    c.send(gaVadUpdate(500, "whisper-1"));
    s.awaitClientEvent("session.update", T);
    s.awaitSent("session.updated", T); // produced, but held back while stalled
    assertThat(c.ofType("session.updated")).isEmpty();
    s.resume();
    c.await("session.updated", T);
  }

  @Test
  void givenShortMaxDuration_sessionExpires_errorThenClose() {
    sim.close();
    sim = RealtimeSimulator.start(RealtimeSimulator.Options.defaults().withMaxSessionDuration(Duration.ofMillis(800)));
    JdkRealtimeClient c = ga();
    JsonNode created = c.await("session.created", T);
    JsonNode error = c.await("error", T).get("error");
    assertThat(error.get("code").asText()).isEqualTo("session_expired");
    assertThat(error.get("message").asText()).startsWith("Your session hit the maximum duration of");
    assertThat(c.awaitClose(T)).isEqualTo(1000);
    assertThat(created.at("/session/expires_at").asLong()).isLessThanOrEqualTo(Instant.now().getEpochSecond() + 1);
  }

  @Test
  void givenOpenSession_expireNow_errorThenClose() {
    JdkRealtimeClient c = ga();
    sim.awaitSession(T).expireNow();
    assertThat(c.await("error", T).at("/error/code").asText()).isEqualTo("session_expired");
    assertThat(c.awaitClose(T)).isEqualTo(1000);
  }

  // ------------------------------------------------------------------ calls, sideband, client secrets

  @Test
  void givenCallCreatedOverHttp_sidebandAttach_receivesTheCallsEventsAndCanSendToolOutput() throws Exception {
    HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(sim.httpBaseUrl() + "/v1/realtime/calls")).header("Authorization", "Bearer " + sim.apiKey())
        .header("Content-Type", "application/sdp").POST(HttpRequest.BodyPublishers.ofString("v=0\r\n")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/v1/realtime/calls/rtc_");
    String callId = location.substring(location.lastIndexOf('/') + 1);
    SimulatedSession call = sim.call(callId).orElseThrow();
    call.enqueue(ScriptedTurn.reply("Log my run.", "Logging it.", 200).thenCall("log_workout", "{\"km\":5}"));

    JdkRealtimeClient sideband = connect(sim.sidebandUri(callId), Map.of("Authorization", "Bearer " + sim.apiKey()));
    sideband.await("session.created", T);
    sideband.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":"
        + "{\"transcription\":{\"model\":\"whisper-1\"}}}}}");
    sideband.await("session.updated", T);
    call.userSpeaks(900);
    assertThat(sideband.await("conversation.item.input_audio_transcription.completed", T).get("transcript").asText())
        .isEqualTo("Log my run.");
    JsonNode args = sideband.await("response.function_call_arguments.done", T);
    sideband.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\",\"call_id\":\""
        + args.get("call_id").asText() + "\",\"output\":\"ok\"}}");
    call.awaitClientEvent("conversation.item.create", T);
    assertThatThrownBy(() -> JdkRealtimeClient.connect(sim.sidebandUri("rtc_u1_unknown"),
        Map.of("Authorization", "Bearer " + sim.apiKey()))).hasCauseInstanceOf(WebSocketHandshakeException.class);
  }

  @Test
  void givenCreateCallApi_hangup_closesTheSideband() throws Exception {
    SimulatedSession call = sim.createCall();
    JdkRealtimeClient sideband = connect(sim.sidebandUri(call.callId().orElseThrow()),
        Map.of("Authorization", "Bearer " + sim.apiKey()));
    sideband.await("session.created", T);
    HttpResponse<String> hangup = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.httpBaseUrl()
            + "/v1/realtime/calls/" + call.callId().orElseThrow() + "/hangup"))
        .header("Authorization", "Bearer " + sim.apiKey()).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(hangup.statusCode()).isEqualTo(200);
    assertThat(sideband.awaitClose(T)).isEqualTo(1000);
  }

  @Test
  void givenClientSecretRequest_post_returnsEphemeralKeyThatOpensASessionWithThatConfig() throws Exception {
    String body = "{\"expires_after\":{\"anchor\":\"created_at\",\"seconds\":120},\"session\":{\"type\":\"realtime\","
        + "\"model\":\"gpt-realtime\",\"instructions\":\"Greet Ana in Spanish.\","
        + "\"audio\":{\"output\":{\"voice\":\"cedar\"}}}}";
    HttpResponse<String> response = post("/v1/realtime/client_secrets", body, sim.apiKey());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode secret = JdkRealtimeClient.JSON.readTree(response.body());
    assertThat(secret.get("value").asText()).startsWith("ek_");
    assertThat(secret.get("expires_at").asLong()).isCloseTo(Instant.now().getEpochSecond() + 120, within(5L));
    assertThat(secret.at("/session/instructions").asText()).isEqualTo("Greet Ana in Spanish.");
    assertThat(secret.at("/session/audio/output/voice").asText()).isEqualTo("cedar");
    assertThat(sim.contract().validate(RealtimeProtocol.GA, "RealtimeCreateClientSecretResponse", secret,
        RealtimeContract.Mode.WIRE)).isEmpty();

    JdkRealtimeClient c = connect(sim.realtimeUri("gpt-realtime"),
        Map.of("Authorization", "Bearer " + secret.get("value").asText()));
    assertThat(c.await("session.created", T).at("/session/instructions").asText()).isEqualTo("Greet Ana in Spanish.");
  }

  @Test
  void givenInvalidClientSecretRequestsOrBadKey_post_areRefused() throws Exception {
    assertThat(post("/v1/realtime/client_secrets", "{\"expires_after\":{\"seconds\":5}}", sim.apiKey()).statusCode())
        .isEqualTo(400);
    assertThat(post("/v1/realtime/client_secrets", "{\"session\":{\"type\":\"realtime\",\"voice\":\"alloy\"}}",
        sim.apiKey()).statusCode()).isEqualTo(400);
    assertThat(post("/v1/realtime/client_secrets", "{}", "sk-wrong").statusCode()).isEqualTo(401);
    assertThat(post("/v1/realtime/client_secrets", "{}", "ek_notissued").statusCode()).isEqualTo(401);
  }

  HttpResponse<String> post(String path, String body, String key) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.httpBaseUrl() + path))
        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  // ------------------------------------------------------------------ replay

  @Test
  void givenEachRecording_replayOnConnect_emitsEveryEventInOrder() throws Exception {
    List<java.nio.file.Path> recordings = sim.contract().recordings();
    assertThat(recordings).hasSize(4);
    for (java.nio.file.Path recording : recordings) {
      List<String> lines = java.nio.file.Files.readAllLines(recording).stream().filter(l -> !l.isBlank())
          .collect(java.util.stream.Collectors.toList());
      sim.replayOnConnect(recording);
      JdkRealtimeClient c = recording.getFileName().toString().startsWith("beta") ? beta() : ga();
      List<JsonNode> got = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        got.add(JdkRealtimeClient.JSON.readTree(lines.get(i)));
      }
      c.await(e -> c.received.size() >= lines.size(), T);
      assertThat(c.received).as(recording.getFileName().toString()).containsExactlyElementsOf(got);
    }
  }

  @Test
  void givenReplayOnFirstClientEvent_connect_nothingUntilTheClientSpeaks() {
    java.nio.file.Path recording = sim.contract().recordings().stream()
        .filter(p -> p.getFileName().toString().startsWith("ga-websocket_gpt-realtime_turn1")).findFirst().orElseThrow();
    sim.replayOnFirstClientEvent(recording);
    JdkRealtimeClient c = ga();
    SimulatedSession s = sim.awaitSession(T);
    assertThat(s.sentEvents()).isEmpty();
    c.send(gaVadUpdate(500, "whisper-1"));
    assertThat(c.awaitCount("rate_limits.updated", 1, T)).hasSize(1);
    assertThat(c.received).hasSize(13);
  }
}
