package dev.coachkit.adapter.openai.realtime;

import static dev.coachkit.adapter.openai.realtime.TestRealtimeFactory.betaConfig;
import static dev.coachkit.adapter.openai.realtime.TestRealtimeFactory.gaConfig;
import static dev.coachkit.adapter.openai.realtime.TestRealtimeFactory.serverVad;
import static dev.coachkit.adapter.openai.realtime.TestRealtimeFactory.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.adapter.openai.OpenAiConfig.RealtimeProtocol;
import dev.coachkit.adapter.openai.realtime.internal.ClientEvents;
import dev.coachkit.adapter.openai.realtime.internal.RealtimeEndpoints;
import dev.coachkit.adapter.openai.realtime.internal.RealtimeSettings;
import dev.coachkit.adapter.openai.realtime.internal.RealtimeSocket;
import dev.coachkit.adapter.openai.simulator.realtime.RealtimeSimulator;
import dev.coachkit.adapter.openai.simulator.realtime.SimulatedSession;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.realtime.RealtimeEvent.AssistantTranscriptDelta;
import dev.coachkit.ports.model.realtime.RealtimeEvent.AssistantTranscriptFinal;
import dev.coachkit.ports.model.realtime.RealtimeEvent.AudioChunk;
import dev.coachkit.ports.model.realtime.RealtimeEvent.InputAudioCommitted;
import dev.coachkit.ports.model.realtime.RealtimeEvent.RateLimitsUpdated;
import dev.coachkit.ports.model.realtime.RealtimeEvent.RealtimeError;
import dev.coachkit.ports.model.realtime.RealtimeEvent.ResponseDone;
import dev.coachkit.ports.model.realtime.RealtimeEvent.SpeechStarted;
import dev.coachkit.ports.model.realtime.RealtimeEvent.SpeechStopped;
import dev.coachkit.ports.model.realtime.RealtimeEvent.ToolCallRequested;
import dev.coachkit.ports.model.realtime.RealtimeEvent.UserTranscriptDelta;
import dev.coachkit.ports.model.realtime.RealtimeEvent.UserTranscriptFinal;
import dev.coachkit.ports.model.realtime.ResponseStatus;
import dev.coachkit.ports.out.realtime.RealtimeConnection;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every real recording in {@code shared/contracts/openai/recordings} replayed by the simulator to the adapter: each
 * frame is handled, none is of an unknown type or malformed, and the mapped events are the ones the recording holds.
 */
@Timeout(60)
class RealtimeRecordingReplayTest {

  static final Duration T = Duration.ofSeconds(10);
  static final ObjectMapper JSON = new ObjectMapper();

  RealtimeSimulator sim;

  @BeforeEach
  void start() {
    sim = RealtimeSimulator.start();
  }

  @AfterEach
  void stop() {
    try {
      for (SimulatedSession s : sim.sessions()) {
        assertThat(s.rejectedClientEvents()).isEmpty();
      }
      sim.assertNoServerViolations();
    } finally {
      sim.close();
    }
  }

  Path recording(String prefix) {
    return sim.contract().recordings().stream().filter(p -> p.getFileName().toString().startsWith(prefix))
        .findFirst().orElseThrow();
  }

  static List<JsonNode> lines(Path recording) throws Exception {
    return Files.readAllLines(recording).stream().filter(l -> !l.isBlank()).map(l -> {
      try {
        return JSON.readTree(l);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).collect(Collectors.toList());
  }

  /** Replays through the public open(): the recording starts with session.created/updated. */
  RealtimeSocket replayThroughOpen(Path recording, RealtimeProtocol protocol, RecordingRealtimeListener l) {
    sim.replayOnConnect(recording);
    return (RealtimeSocket) new OpenAiRealtimeModel(settings(sim, protocol))
        .open(protocol == RealtimeProtocol.GA ? gaConfig() : betaConfig(serverVad()), l).toCompletableFuture()
        .orTimeout(10, TimeUnit.SECONDS).join();
  }

  /** Replays fragments that have no session.created: the socket is ready as soon as it is open. */
  RealtimeSocket replayRaw(Path recording, RealtimeProtocol protocol, RecordingRealtimeListener l) {
    sim.replayOnConnect(recording);
    RealtimeSettings s = settings(sim, protocol);
    RealtimeEndpoints e = s.endpoints().orElseThrow();
    RealtimeConnection c = RealtimeSocket.connect(HttpClient.newHttpClient(), e.session("gpt-realtime", protocol),
        e.headers(protocol), new ClientEvents(protocol, "replay"), RealtimeSocket.Setup.NONE, null, l, s)
        .orTimeout(10, TimeUnit.SECONDS).join();
    return (RealtimeSocket) c;
  }

  static void awaitAllFrames(RealtimeSocket socket, int frames) throws InterruptedException {
    long deadline = System.nanoTime() + T.toNanos();
    while (socket.framesReceived() < frames && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(socket.framesReceived()).isEqualTo(frames);
  }

  @Test
  void givenBetaSessionA_replay_everyTurnTranscriptToolCallAndCancellationIsMapped() throws Exception {
    Path recording = recording("beta-webrtc_session-A");
    List<JsonNode> recorded = lines(recording);
    RecordingRealtimeListener l = new RecordingRealtimeListener();

    RealtimeSocket socket = replayThroughOpen(recording, RealtimeProtocol.BETA, l);
    awaitAllFrames(socket, recorded.size());
    socket.close();

    assertThat(socket.unknownEvents()).isZero();
    assertThat(socket.malformedEvents()).isZero();
    assertThat(l.contractBreaches()).isEmpty();
    assertThat(l.ofType(RealtimeError.class)).isEmpty();
    assertThat(l.ofType(SpeechStarted.class)).hasSize(11);
    assertThat(l.ofType(SpeechStopped.class)).hasSize(11);
    assertThat(l.ofType(InputAudioCommitted.class)).hasSize(11);
    assertThat(l.ofType(UserTranscriptDelta.class)).hasSize(11);
    List<UserTranscriptFinal> userFinals = l.ofType(UserTranscriptFinal.class);
    assertThat(userFinals).hasSize(11);
    assertThat(userFinals).extracting(UserTranscriptFinal::transcript).allSatisfy(t -> assertThat(t).isNotBlank());
    assertThat(l.ofType(AssistantTranscriptDelta.class)).hasSize(157);
    assertThat(l.ofType(AssistantTranscriptFinal.class)).hasSize(8);
    assertThat(l.ofType(AudioChunk.class)).isEmpty(); // WebRTC: audio travelled as RTP
    assertThat(l.ofType(RateLimitsUpdated.class)).hasSize(8);

    List<ResponseDone> done = l.ofType(ResponseDone.class);
    assertThat(done).hasSize(12);
    assertThat(done.stream().filter(d -> d.status() == ResponseStatus.CANCELLED)).hasSize(8);
    assertThat(done.stream().filter(d -> d.status() == ResponseStatus.COMPLETED)).hasSize(4);
    assertThat(done.stream().filter(d -> d.status() == ResponseStatus.CANCELLED && d.usage().equals(TokenUsage.ZERO)))
        .hasSize(4);

    JsonNode recordedCall = recorded.stream()
        .filter(e -> e.path("type").asText().equals("response.function_call_arguments.done")).findFirst().orElseThrow();
    List<ToolCallRequested> calls = l.ofType(ToolCallRequested.class);
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).name()).isEqualTo("transferToSupervisor");
    assertThat(calls.get(0).callId()).isEqualTo("call_kmnUtkOoDYWLgJHP");
    assertThat(calls.get(0).arguments()).isEqualTo(Json.parse(recordedCall.get("arguments").asText()));
    assertThat(Json.write(calls.get(0).arguments())).contains("marco_supervisor_biller");

    JsonNode lastUsage = recorded.stream().filter(e -> e.path("type").asText().equals("response.done"))
        .reduce((a, b) -> b).orElseThrow().at("/response/usage");
    ResponseDone last = done.get(done.size() - 1);
    assertThat(last.usage()).isEqualTo(new TokenUsage(lastUsage.get("input_tokens").asLong(),
        lastUsage.at("/input_token_details/cached_tokens").asLong(), lastUsage.get("output_tokens").asLong(),
        lastUsage.at("/input_token_details/audio_tokens").asLong(),
        lastUsage.at("/output_token_details/audio_tokens").asLong()));
    // the adapter's own session.update went out in the beta shape and passed validation
    assertThat(sim.sessions().get(0).clientEvents("session.update")).hasSize(1);
  }

  @Test
  void givenGaTurnOneFrames_replay_speechCommitTranscriptDeltaAndRateLimits() throws Exception {
    Path recording = recording("ga-websocket_gpt-realtime_turn1");
    RecordingRealtimeListener l = new RecordingRealtimeListener();

    RealtimeSocket socket = replayThroughOpen(recording, RealtimeProtocol.GA, l);
    awaitAllFrames(socket, lines(recording).size());
    socket.close();

    assertThat(socket.unknownEvents()).isZero();
    assertThat(socket.malformedEvents()).isZero();
    assertThat(l.ofType(SpeechStarted.class)).hasSize(1);
    assertThat(l.ofType(SpeechStopped.class)).hasSize(1);
    assertThat(l.ofType(InputAudioCommitted.class)).hasSize(1);
    assertThat(l.ofType(AssistantTranscriptDelta.class)).hasSize(1);
    assertThat(l.ofType(AssistantTranscriptDelta.class).get(0).delta()).isNotEmpty();
    assertThat(l.ofType(RateLimitsUpdated.class)).hasSize(1);
    assertThat(l.ofType(RealtimeError.class)).isEmpty();
  }

  @Test
  void givenGaTurnTwoBlock_replay_speechCommitAndTranscriptDelta() throws Exception {
    Path recording = recording("ga-websocket_gpt-realtime_turn2");
    RecordingRealtimeListener l = new RecordingRealtimeListener();

    RealtimeSocket socket = replayRaw(recording, RealtimeProtocol.GA, l);
    awaitAllFrames(socket, lines(recording).size());
    socket.close();

    assertThat(socket.unknownEvents()).isZero();
    assertThat(socket.malformedEvents()).isZero();
    assertThat(l.ofType(SpeechStarted.class)).hasSize(1);
    assertThat(l.ofType(SpeechStopped.class).get(0).itemId()).isEqualTo(l.ofType(SpeechStarted.class).get(0).itemId());
    assertThat(l.ofType(InputAudioCommitted.class)).hasSize(1);
    assertThat(l.ofType(AssistantTranscriptDelta.class)).hasSize(1);
    assertThat(l.ofType(RealtimeError.class)).isEmpty();
  }

  @Test
  void givenTranscriptionFrames_replay_whisperAndGpt4oTranscriptsAreFinal() throws Exception {
    Path recording = recording("transcription-frames");
    List<JsonNode> recorded = lines(recording);
    RecordingRealtimeListener l = new RecordingRealtimeListener();

    RealtimeSocket socket = replayRaw(recording, RealtimeProtocol.GA, l);
    awaitAllFrames(socket, recorded.size());
    socket.close();

    assertThat(socket.unknownEvents()).isZero();
    assertThat(socket.malformedEvents()).isZero();
    assertThat(l.ofType(UserTranscriptDelta.class)).hasSize(1);
    assertThat(l.ofType(UserTranscriptFinal.class)).extracting(UserTranscriptFinal::transcript)
        .containsExactlyElementsOf(recorded.stream()
            .filter(e -> e.path("type").asText().endsWith("input_audio_transcription.completed"))
            .map(e -> e.get("transcript").asText()).collect(Collectors.toList()));
    assertThat(l.ofType(InputAudioCommitted.class)).hasSize(1);
  }
}
