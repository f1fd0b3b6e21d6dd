package dev.coachkit.adapter.openai.realtime;

import static dev.coachkit.adapter.openai.realtime.TestRealtimeFactory.betaConfig;
import static dev.coachkit.adapter.openai.realtime.TestRealtimeFactory.gaConfig;
import static dev.coachkit.adapter.openai.realtime.TestRealtimeFactory.serverVad;
import static dev.coachkit.adapter.openai.realtime.TestRealtimeFactory.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapter.openai.OpenAiConfig.RealtimeProtocol;
import dev.coachkit.adapter.openai.realtime.internal.RealtimeSettings;
import dev.coachkit.adapter.openai.realtime.internal.RealtimeSocket;
import dev.coachkit.adapter.openai.simulator.realtime.Pcm16;
import dev.coachkit.adapter.openai.simulator.realtime.RealtimeSimulator;
import dev.coachkit.adapter.openai.simulator.realtime.ScriptedTurn;
import dev.coachkit.adapter.openai.simulator.realtime.SimulatedSession;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.realtime.RealtimeEvent;
import dev.coachkit.ports.model.realtime.RealtimeEvent.AssistantTranscriptDelta;
import dev.coachkit.ports.model.realtime.RealtimeEvent.AssistantTranscriptFinal;
import dev.coachkit.ports.model.realtime.RealtimeEvent.AudioChunk;
import dev.coachkit.ports.model.realtime.RealtimeEvent.Closed;
import dev.coachkit.ports.model.realtime.RealtimeEvent.InputAudioCommitted;
import dev.coachkit.ports.model.realtime.RealtimeEvent.RateLimitsUpdated;
import dev.coachkit.ports.model.realtime.RealtimeEvent.RealtimeError;
import dev.coachkit.ports.model.realtime.RealtimeEvent.ResponseDone;
import dev.coachkit.ports.model.realtime.RealtimeEvent.SpeechStarted;
import dev.coachkit.ports.model.realtime.RealtimeEvent.SpeechStopped;
import dev.coachkit.ports.model.realtime.RealtimeEvent.ToolCallRequested;
import dev.coachkit.ports.model.realtime.RealtimeEvent.UserTranscriptFinal;
import dev.coachkit.ports.model.realtime.RealtimeSessionConfig;
import dev.coachkit.ports.model.realtime.ResponseStatus;
import dev.coachkit.ports.model.realtime.TurnDetection;
import dev.coachkit.ports.out.realtime.RealtimeConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The realtime adapter against the Realtime simulator, which validates every client event strictly. */
@Timeout(60)
class OpenAiRealtimeModelTest {

  static final Duration T = Duration.ofSeconds(10);

  RealtimeSimulator sim;
  final List<RealtimeConnection> connections = new ArrayList<>();
  final List<RecordingRealtimeListener> listeners = new ArrayList<>();
  /** Client events a test deliberately sends malformed; every other one must pass the simulator's validation. */
  int expectedRejections;

  @BeforeEach
  void start() {
    sim = RealtimeSimulator.start();
  }

  @AfterEach
  void stop() {
    try {
      connections.forEach(RealtimeConnection::close);
      int rejected = 0;
      for (SimulatedSession s : sim.sessions()) {
        rejected += s.rejectedClientEvents().size();
      }
      assertThat(rejected).as("client events the simulator rejected: %s", sim.sessions().stream()
          .flatMap(s -> s.rejectedClientEvents().stream()).map(r -> r.raw() + " -> " + r.violations())
          .collect(java.util.stream.Collectors.toList())).isEqualTo(expectedRejections);
      sim.assertNoServerViolations();
      for (RecordingRealtimeListener l : listeners) {
        assertThat(l.contractBreaches()).isEmpty();
      }
    } finally {
      sim.close();
    }
  }

  RecordingRealtimeListener listener() {
    RecordingRealtimeListener l = new RecordingRealtimeListener();
    listeners.add(l);
    return l;
  }

  RealtimeConnection open(RealtimeProtocol protocol, RealtimeSessionConfig config, RecordingRealtimeListener l) {
    RealtimeConnection c = new OpenAiRealtimeModel(settings(sim, protocol)).open(config, l).toCompletableFuture()
        .orTimeout(10, TimeUnit.SECONDS).join();
    connections.add(c);
    return c;
  }

  static void stream(RealtimeConnection c, byte[] pcm, int frameMs) {
    int frame = frameMs * Pcm16.BYTES_PER_MS;
    for (int i = 0; i < pcm.length; i += frame) {
      c.sendAudio(java.util.Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + frame)));
    }
  }

  // ------------------------------------------------------------------ handshakes and session.update

  @Test
  void givenGaProtocol_open_gaHandshakeAndNestedSessionUpdateAcceptedByStrictValidation() {
    RealtimeConnection c = open(RealtimeProtocol.GA, gaConfig(), listener());
    SimulatedSession s = sim.awaitSession(T);

    assertThat(c).isInstanceOf(RealtimeSocket.class);
    assertThat(s.protocol().name()).isEqualTo("GA");
    assertThat(s.model()).isEqualTo("gpt-realtime");
    assertThat(s.handshakeHeaders()).containsEntry("authorization", "Bearer " + sim.apiKey())
        .doesNotContainKey("openai-beta");
    JsonNode update = s.clientEvents("session.update").get(0).get("session");
    assertThat(update.get("type").asText()).isEqualTo("realtime");
    assertThat(update.has("model")).isFalse();
    assertThat(update.get("instructions").asText()).isEqualTo("You are Coach Kit. Greet Ana by name.");
    assertThat(update.at("/audio/input/format/type").asText()).isEqualTo("audio/pcm");
    assertThat(update.at("/audio/input/format/rate").asInt()).isEqualTo(24_000);
    assertThat(update.at("/audio/input/transcription/model").asText()).isEqualTo("whisper-1");
    assertThat(update.at("/audio/input/transcription/language").asText()).isEqualTo("en");
    assertThat(update.at("/audio/input/turn_detection/type").asText()).isEqualTo("server_vad");
    assertThat(update.at("/audio/input/turn_detection/threshold").asDouble()).isEqualTo(0.5);
    assertThat(update.at("/audio/input/turn_detection/prefix_padding_ms").asInt()).isEqualTo(300);
    assertThat(update.at("/audio/input/turn_detection/silence_duration_ms").asInt()).isEqualTo(500);
    assertThat(update.at("/audio/output/voice").asText()).isEqualTo("marin");
    assertThat(update.at("/tools/0/type").asText()).isEqualTo("function");
    assertThat(update.at("/tools/0/name").asText()).isEqualTo("log_workout");
    assertThat(update.at("/tools/0/parameters/required/0").asText()).isEqualTo("km");
    assertThat(update.has("voice")).isFalse();
    assertThat(s.sentEvents("session.updated")).hasSize(1);
    assertThat(s.session().at("/audio/output/voice").asText()).isEqualTo("marin");
  }

  @Test
  void givenBetaProtocolAndSemanticVad_open_betaHeaderAndFlatSessionUpdateAccepted() {
    open(RealtimeProtocol.BETA, betaConfig(new TurnDetection.SemanticVad(TurnDetection.Eagerness.HIGH)), listener());
    SimulatedSession s = sim.awaitSession(T);

    assertThat(s.protocol().name()).isEqualTo("BETA");
    assertThat(s.model()).isEqualTo("gpt-4o-realtime-preview");
    assertThat(s.handshakeHeaders()).containsEntry("openai-beta", "realtime=v1");
    JsonNode update = s.clientEvents("session.update").get(0).get("session");
    assertThat(update.has("type")).isFalse();
    assertThat(update.has("audio")).isFalse();
    assertThat(update.get("voice").asText()).isEqualTo("alloy");
    assertThat(update.get("input_audio_format").asText()).isEqualTo("pcm16");
    assertThat(update.get("output_audio_format").asText()).isEqualTo("pcm16");
    assertThat(update.get("modalities").toString()).isEqualTo("[\"audio\",\"text\"]");
    assertThat(update.at("/input_audio_transcription/model").asText()).isEqualTo("whisper-1");
    assertThat(update.at("/input_audio_transcription/language").asText()).isEqualTo("de");
    assertThat(update.at("/turn_detection/type").asText()).isEqualTo("semantic_vad");
    assertThat(update.at("/turn_detection/eagerness").asText()).isEqualTo("high");
    assertThat(update.at("/tools/0/name").asText()).isEqualTo("log_workout");
  }

  @Test
  void givenMalformedRawEvents_sendRaw_simulatorRejectsThemAndTheConnectionSurvives() {
    RecordingRealtimeListener l = listener();
    RealtimeSocket c = (RealtimeSocket) open(RealtimeProtocol.GA, gaConfig(), l);
    SimulatedSession s = sim.awaitSession(T);
    expectedRejections = 2;

    // an append without its audio, and the beta-only field input_audio_format inside a GA session.update
    c.sendRaw("{\"type\":\"input_audio_buffer.append\",\"event_id\":\"bad_1\"}");
    c.sendRaw("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"input_audio_format\":\"pcm16\"}}");

    List<SimulatedSession.RejectedClientEvent> rejected = s.awaitRejected(2, T);
    assertThat(rejected.get(0).violations().toString()).contains("audio");
    assertThat(rejected.get(1).violations().toString()).contains("input_audio_format");
    List<RealtimeError> errors = l.awaitCount(RealtimeError.class, 2, T);
    assertThat(errors).extracting(RealtimeError::code).containsOnly("invalid_event");
    // still usable: a valid event is answered
    c.updateSession(gaConfig());
    s.awaitSentCount("session.updated", 2, T);
    assertThat(l.ofType(Closed.class)).isEmpty();
  }

  @Test
  void givenWrongApiKey_open_failsWithAuthentication() {
    RealtimeSettings wrong = RealtimeSettings.of(dev.coachkit.adapter.openai.realtime.internal.RealtimeEndpoints
        .openAi(sim.httpBaseUrl() + "/v1", java.util.Optional.empty(), "sk-wrong"), RealtimeProtocol.GA);

    assertThatThrownBy(() -> new OpenAiRealtimeModel(wrong).open(gaConfig(), listener()).toCompletableFuture().join())
        .hasCauseInstanceOf(ModelFailure.class)
        .cause().satisfies(e -> assertThat(((ModelFailure) e).kind()).isEqualTo(ModelFailure.Kind.AUTHENTICATION))
        .hasMessageContaining("401").hasMessageNotContaining("sk-wrong");
  }

  // ------------------------------------------------------------------ audio, VAD, transcripts, usage

  @Test
  void givenGaServerVad_streamToneBetweenSilences_speechTranscriptsAudioAndUsageArrive() {
    String reply = "Great goal! Let's build a plan together.";
    sim.enqueue(ScriptedTurn.reply("I want to get stronger.", reply, 1250));
    RecordingRealtimeListener l = listener();
    RealtimeConnection c = open(RealtimeProtocol.GA, gaConfig(), l);
    byte[] speech = Pcm16.concat(Pcm16.silence(600), Pcm16.tone(1200, 440, 0.3), Pcm16.silence(900));

    stream(c, speech, 20);

    ResponseDone done = l.await(ResponseDone.class, T);
    SpeechStarted started = l.await(SpeechStarted.class, T);
    SpeechStopped stopped = l.await(SpeechStopped.class, T);
    InputAudioCommitted committed = l.await(InputAudioCommitted.class, T);
    assertThat(started.audioStartMs()).isBetween(290L, 310L); // 600 ms of silence minus 300 ms prefix padding
    assertThat(stopped.audioEndMs()).isBetween(2290L, 2310L); // speech ends at 1800 ms, + 500 ms silence
    assertThat(stopped.itemId()).isEqualTo(started.itemId());
    assertThat(committed.itemId()).isEqualTo(started.itemId());
    assertThat(l.await(UserTranscriptFinal.class, T).transcript()).isEqualTo("I want to get stronger.");
    assertThat(l.await(UserTranscriptFinal.class, T).itemId()).isEqualTo(started.itemId());
    String deltas = l.ofType(AssistantTranscriptDelta.class).stream().map(AssistantTranscriptDelta::delta)
        .reduce("", String::concat);
    assertThat(deltas).isEqualTo(reply);
    assertThat(l.await(AssistantTranscriptFinal.class, T).transcript()).isEqualTo(reply);
    int audioBytes = l.ofType(AudioChunk.class).stream().mapToInt(a -> a.pcm16().length).sum();
    assertThat(audioBytes).isEqualTo(1250 * Pcm16.BYTES_PER_MS);
    byte[] firstChunk = l.ofType(AudioChunk.class).get(0).pcm16();
    assertThat(Pcm16.rms(firstChunk)).isGreaterThan(0.1); // real audio, not silence
    assertThat(done.status()).isEqualTo(ResponseStatus.COMPLETED);
    assertThat(done.usage().audioOutputTokens()).isEqualTo(1250 / 50);
    assertThat(done.usage().audioInputTokens()).isPositive();
    assertThat(done.usage().outputTokens()).isGreaterThan(done.usage().audioOutputTokens());
    assertThat(l.ofType(RateLimitsUpdated.class)).isNotEmpty();
    assertThat(l.ofType(RateLimitsUpdated.class).get(0).rateLimits().get(0).name()).isEqualTo("tokens");
    assertThat(l.kinds()).containsSubsequence(RealtimeEvent.Kind.SPEECH_STARTED, RealtimeEvent.Kind.SPEECH_STOPPED,
        RealtimeEvent.Kind.INPUT_AUDIO_COMMITTED, RealtimeEvent.Kind.AUDIO_CHUNK,
        RealtimeEvent.Kind.ASSISTANT_TRANSCRIPT_FINAL, RealtimeEvent.Kind.RESPONSE_DONE);
    assertThat(sim.awaitSession(T).audioBytesReceived()).isEqualTo(speech.length);
  }

  @Test
  void givenBetaServerVad_streamNoise_betaEventNamesMapToTheSameEvents() {
    sim.enqueue(ScriptedTurn.reply("Wie trainiere ich?", "Dreimal pro Woche.", 600));
    RecordingRealtimeListener l = listener();
    RealtimeConnection c = open(RealtimeProtocol.BETA, betaConfig(serverVad()), l);

    stream(c, Pcm16.concat(Pcm16.silence(400), Pcm16.noise(700, 0.4, 1), Pcm16.silence(600)), 40);

    assertThat(l.await(ResponseDone.class, T).status()).isEqualTo(ResponseStatus.COMPLETED);
    assertThat(sim.awaitSession(T).sentTypes()).contains("response.audio.delta", "response.audio_transcript.done");
    assertThat(l.await(UserTranscriptFinal.class, T).transcript()).isEqualTo("Wie trainiere ich?");
    assertThat(l.await(AssistantTranscriptFinal.class, T).transcript()).isEqualTo("Dreimal pro Woche.");
    assertThat(l.ofType(AudioChunk.class).stream().mapToInt(a -> a.pcm16().length).sum())
        .isEqualTo(600 * Pcm16.BYTES_PER_MS);
    assertThat(l.ofType(SpeechStarted.class)).hasSize(1);
  }

  @Test
  void givenManualTurns_sendAudioCommitAndCreateResponse_replies() {
    sim.enqueue(ScriptedTurn.reply("Push to talk.", "Heard you.", 300));
    RecordingRealtimeListener l = listener();
    RealtimeConnection c = open(RealtimeProtocol.GA, gaConfig(new TurnDetection.Manual()), l);
    SimulatedSession s = sim.awaitSession(T);

    c.sendAudio(Pcm16.silence(100));
    c.clearAudio();
    c.sendAudio(Pcm16.tone(800, 300, 0.3));
    c.commitAudio();
    c.createResponse("Answer briefly.");

    assertThat(l.await(ResponseDone.class, T).status()).isEqualTo(ResponseStatus.COMPLETED);
    assertThat(s.clientEvents("session.update").get(0).at("/session/audio/input/turn_detection").isNull()).isTrue();
    assertThat(s.sentEvents("input_audio_buffer.cleared")).hasSize(1);
    assertThat(l.ofType(SpeechStarted.class)).isEmpty();
    assertThat(l.await(InputAudioCommitted.class, T).itemId()).isNotBlank();
    assertThat(l.await(UserTranscriptFinal.class, T).transcript()).isEqualTo("Push to talk.");
    assertThat(s.clientEvents("response.create").get(0).at("/response/instructions").asText())
        .isEqualTo("Answer briefly.");
  }

  @Test
  void givenManyThreads_sendAudioConcurrently_everyFrameArrivesValid() throws Exception {
    RealtimeConnection c = open(RealtimeProtocol.GA, gaConfig(new TurnDetection.Manual()), listener());
    SimulatedSession s = sim.awaitSession(T);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    byte[] frame = Pcm16.silence(20);
    try {
      for (int t = 0; t < 8; t++) {
        pool.execute(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          for (int i = 0; i < 50; i++) {
            c.sendAudio(frame);
          }
        });
      }
      go.countDown();
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    List<JsonNode> appends = s.awaitClientEventCount("input_audio_buffer.append", 400, T);
    assertThat(appends).hasSize(400);
    assertThat(appends.stream().mapToInt(a -> Pcm16.fromBase64(a.get("audio").asText()).length).sum())
        .isEqualTo(400 * frame.length);
  }

  // ------------------------------------------------------------------ tools, text, cancel, truncate

  @Test
  void givenScriptedFunctionCall_sendTextThenToolOutput_toolCallOnceThenFollowUpReply() {
    sim.enqueue(ScriptedTurn.functionCall("", "log_workout", "{\"km\":5,\"minutes\":30}"),
        ScriptedTurn.reply("", "Logged your 5 km run.", 400));
    RecordingRealtimeListener l = listener();
    RealtimeConnection c = open(RealtimeProtocol.GA, gaConfig(), l);
    SimulatedSession s = sim.awaitSession(T);

    c.sendText("I ran 5 km in 30 minutes, log it.");
    c.createResponse();
    ToolCallRequested call = l.await(ToolCallRequested.class, T);
    l.await(ResponseDone.class, T);

    assertThat(call.name()).isEqualTo("log_workout");
    assertThat(call.arguments()).isEqualTo(Json.parse("{\"km\":5,\"minutes\":30}"));
    assertThat(s.clientEvents("conversation.item.create").get(0).at("/item/content/0/text").asText())
        .isEqualTo("I ran 5 km in 30 minutes, log it.");

    c.sendToolOutput(call.callId(), Json.parse("{\"logged\":true,\"workoutId\":\"w-1\"}"));
    c.createResponse();

    List<ResponseDone> done = l.awaitCount(ResponseDone.class, 2, T);
    assertThat(done).extracting(ResponseDone::status).containsOnly(ResponseStatus.COMPLETED);
    assertThat(l.await(AssistantTranscriptFinal.class, T).transcript()).isEqualTo("Logged your 5 km run.");
    assertThat(l.ofType(ToolCallRequested.class)).hasSize(1); // arguments.done, output_item.done, response.done
    JsonNode output = s.clientEvents("conversation.item.create").get(1).get("item");
    assertThat(output.get("type").asText()).isEqualTo("function_call_output");
    assertThat(output.get("call_id").asText()).isEqualTo(call.callId());
    assertThat(Json.parse(output.get("output").asText())).isEqualTo(JsonObject.builder()
        .put("logged", dev.coachkit.ports.model.json.JsonBoolean.TRUE).put("workoutId", "w-1").build());
  }

  @Test
  void givenResponseStreaming_cancelResponse_responseDoneIsCancelled() {
    sim.enqueue(ScriptedTurn.reply("", "This is a long answer that will not be finished at all.", 5000));
    RecordingRealtimeListener l = listener();
    RealtimeConnection c = open(RealtimeProtocol.GA, gaConfig(), l);

    c.createResponse();
    l.await(AudioChunk.class, T);
    c.cancelResponse();

    ResponseDone done = l.await(ResponseDone.class, T);
    assertThat(done.status()).isEqualTo(ResponseStatus.CANCELLED);
    assertThat(l.ofType(AudioChunk.class).stream().mapToInt(a -> a.pcm16().length).sum())
        .isLessThan(5000 * Pcm16.BYTES_PER_MS);
    assertThat(sim.awaitSession(T).clientEvents("response.cancel")).hasSize(1);
  }

  @Test
  void givenPlayedAssistantAudio_truncate_serverTruncatesAndTooLongIsAnError() {
    sim.enqueue(ScriptedTurn.reply("", "Here is your plan for the week.", 1000));
    RecordingRealtimeListener l = listener();
    RealtimeConnection c = open(RealtimeProtocol.GA, gaConfig(), l);
    SimulatedSession s = sim.awaitSession(T);
    c.createResponse();
    l.await(ResponseDone.class, T);
    String itemId = l.await(AudioChunk.class, T).itemId();

    c.truncate(itemId, 0, 400);
    JsonNode truncated = s.awaitSent("conversation.item.truncated", T);
    c.truncate(itemId, 0, 5_000);
    RealtimeError tooLong = l.await(RealtimeError.class, T);

    assertThat(truncated.get("item_id").asText()).isEqualTo(itemId);
    assertThat(truncated.get("audio_end_ms").asLong()).isEqualTo(400);
    assertThat(tooLong.code()).isEqualTo("invalid_value");
    assertThat(tooLong.message()).contains("audio_end_ms");
  }

  // ------------------------------------------------------------------ faults

  @Test
  void givenServerErrorEvent_whileOpen_surfacesAsRealtimeErrorAndConnectionStaysUsable() {
    sim.enqueue(ScriptedTurn.reply("", "Still here.", 200));
    RecordingRealtimeListener l = listener();
    RealtimeConnection c = open(RealtimeProtocol.GA, gaConfig(), l);
    SimulatedSession s = sim.awaitSession(T);

    s.sendError("server_error", "server_error", "The server had an error while processing your request.");
    RealtimeError error = l.await(RealtimeError.class, T);
    c.createResponse();

    assertThat(error.code()).isEqualTo("server_error");
    assertThat(error.message()).isEqualTo("The server had an error while processing your request.");
    assertThat(l.await(ResponseDone.class, T).status()).isEqualTo(ResponseStatus.COMPLETED);
    assertThat(l.ofType(Closed.class)).isEmpty();
  }

  @Test
  void givenDropArmed_responseStreams_closedAbnormalIsTheLastEvent() {
    sim.enqueue(ScriptedTurn.reply("", "This answer will be cut off by the network.", 3000));
    RecordingRealtimeListener l = listener();
    RealtimeConnection c = open(RealtimeProtocol.GA, gaConfig(), l);
    sim.awaitSession(T).dropDuringNextResponse(3);

    c.createResponse();
    Closed closed = l.await(Closed.class, T);

    assertThat(closed.abnormal()).isTrue();
    assertThat(l.ofType(AudioChunk.class)).hasSizeBetween(1, 3);
    assertThat(l.ofType(ResponseDone.class)).isEmpty();
    List<RealtimeEvent> events = l.events();
    assertThat(events.get(events.size() - 1)).isSameAs(closed);
    c.sendAudio(Pcm16.silence(20)); // ignored after close, no exception
    c.close();
    assertThat(l.ofType(Closed.class)).hasSize(1);
  }

  @Test
  void givenOpenConnection_close_closedNormallyOnceAndTheServerSeesIt() {
    RecordingRealtimeListener l = listener();
    RealtimeConnection c = open(RealtimeProtocol.GA, gaConfig(), l);
    SimulatedSession s = sim.awaitSession(T);

    c.close();
    Closed closed = l.await(Closed.class, T);
    s.awaitClosed(T);
    c.close();

    assertThat(closed.abnormal()).isFalse();
    assertThat(l.ofType(Closed.class)).hasSize(1);
  }

  @Test
  void givenSessionExpires_serverCloses_errorThenClosedAbnormal() {
    RecordingRealtimeListener l = listener();
    open(RealtimeProtocol.GA, gaConfig(), l);

    sim.awaitSession(T).expireNow();

    Closed closed = l.await(Closed.class, T);
    assertThat(l.await(RealtimeError.class, T).code()).isEqualTo("session_expired");
    assertThat(closed.abnormal()).isTrue();
    assertThat(closed.reason()).contains("1000");
  }

  @Test
  void givenServerNeverSendsSessionCreated_open_failsWithTimeout() {
    // in replay-on-first-client-event mode the simulator sends nothing until the client speaks first
    sim.replayOnFirstClientEvent(sim.contract().recordings().get(0));
    OpenAiRealtimeModel model = new OpenAiRealtimeModel(settings(sim, RealtimeProtocol.GA)
        .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(1)));

    assertThatThrownBy(() -> model.open(gaConfig(), listener()).toCompletableFuture().get(10, TimeUnit.SECONDS))
        .cause().isInstanceOf(ModelFailure.class)
        .satisfies(e -> assertThat(((ModelFailure) e).kind()).isEqualTo(ModelFailure.Kind.TIMEOUT))
        .hasMessageContaining("not ready");
    assertThat(sim.awaitSession(T).clientEvents()).isEmpty();
  }
}
