package dev.coachkit.server.voice;

import static dev.coachkit.server.voice.VoiceCallFixtures.caller;
import static dev.coachkit.server.voice.VoiceCallFixtures.upstreamOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapter.openai.simulator.realtime.Pcm16;
import dev.coachkit.adapter.openai.simulator.realtime.ScriptedTurn;
import dev.coachkit.adapter.openai.simulator.realtime.SimulatedSession;
import dev.coachkit.ports.in.coaching.UpsertCoachProfileUseCase;
import dev.coachkit.server.voice.VoiceCallFixtures.Caller;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many calls at once stay apart, and bad client input gets error messages without killing the call. */
@QuarkusTest
@WithTestResource(RealtimeSimulatorResource.class)
class VoiceRelayLoadTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final int CALLS = 50;

  @Inject
  UpsertCoachProfileUseCase profiles;

  @Test
  void givenFiftyConcurrentCalls_eachSpeaks_eachHearsOnlyItsOwnReply() throws Exception {
    List<Caller> callers = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      callers.add(caller(profiles, "Par"));
    }
    List<VoiceTestClient> clients = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Future<VoiceTestClient>> connecting = new ArrayList<>();
      for (Caller c : callers) {
        connecting.add(pool.submit(() -> VoiceTestClient.connectWithTicket(RestAssured.port, c.token(), "new")));
      }
      for (Future<VoiceTestClient> f : connecting) {
        clients.add(f.get());
      }
      for (int i = 0; i < CALLS; i++) {
        clients.get(i).await("session_ready", WAIT);
        SimulatedSession upstream = upstreamOf(callers.get(i), 1, WAIT);
        upstream.awaitSent("response.done", WAIT);
        upstream.enqueue(ScriptedTurn.reply("I am " + callers.get(i).firstName(),
            "Reply for " + callers.get(i).firstName(), 100));
      }
      // A short burst of "speech" (noise above the VAD threshold) then silence, from every client at once.
      byte[] speech = Pcm16.concat(Pcm16.noise(400, 0.3, 7), Pcm16.silence(700));
      List<Future<?>> speaking = new ArrayList<>();
      for (VoiceTestClient client : clients) {
        client.sendJson("{\"type\":\"playback_position\",\"playedMs\":100000}");
        speaking.add(pool.submit(() -> client.stream(speech, 1.9)));
      }
      for (Future<?> f : speaking) {
        f.get();
      }
      for (int i = 0; i < CALLS; i++) {
        String mine = "Reply for " + callers.get(i).firstName();
        VoiceTestClient client = clients.get(i);
        client.await(m -> mine.equals(m.path("text").asText()) && m.path("final").asBoolean(), WAIT, mine);
        JsonNode transcript = client.await(m -> "transcript".equals(m.path("type").asText())
            && m.path("final").asBoolean(), WAIT, "own transcript");
        assertThat(transcript.path("text").asText()).isEqualTo("I am " + callers.get(i).firstName());
        for (JsonNode m : client.messages()) {
          for (int j = 0; j < CALLS; j++) {
            if (j != i) {
              assertThat(m.toString()).doesNotContain(callers.get(j).firstName());
            }
          }
        }
      }
    } finally {
      clients.forEach(VoiceTestClient::close);
      pool.shutdownNow();
    }
  }

  @Test
  void givenBadInput_relay_answersErrorsAndTheCallSurvives() {
    Caller ola = caller(profiles, "Ola");
    try (VoiceTestClient client = VoiceTestClient.connectWithTicket(RestAssured.port, ola.token(), "new")) {
      client.await("session_ready", WAIT);
      client.sendBinary(new byte[961]);
      client.awaitError("invalid_audio", WAIT);
      client.sendBinary(new byte[70_000]);
      client.awaitError("frame_too_large", WAIT);
      client.sendJson("{\"type\":");
      client.awaitError("malformed_message", WAIT);
      client.sendJson("[1,2]");
      client.sendJson("{\"type\":\"dance\"}");
      client.awaitError("unknown_message", WAIT);
      client.sendJson("{\"type\":\"playback_position\",\"playedMs\":\"soon\"}");
      client.awaitError("invalid_message", WAIT);
      // A flood: ten seconds of audio at once is far beyond twice real time.
      byte[] frame = new byte[960];
      for (int i = 0; i < 500; i++) {
        client.sendBinary(frame);
      }
      client.awaitError("rate_limited", WAIT);

      client.sendJson("{\"type\":\"ping\",\"id\":7}");
      assertThat(client.await("pong", WAIT).path("id").asInt()).isEqualTo(7);
      client.sendJson("{\"type\":\"end\"}");
      assertThat(client.await("session_ended", WAIT).path("reason").asText()).isEqualTo("user_ended");
    }
  }
}
