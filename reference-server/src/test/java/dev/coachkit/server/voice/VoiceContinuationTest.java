package dev.coachkit.server.voice;

import static dev.coachkit.server.voice.VoiceCallFixtures.caller;
import static dev.coachkit.server.voice.VoiceCallFixtures.upstreamOf;
import static dev.coachkit.server.voice.VoiceCallFixtures.utterance;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapter.openai.simulator.realtime.ScriptedTurn;
import dev.coachkit.adapter.openai.simulator.realtime.SimulatedSession;
import dev.coachkit.ports.in.coaching.UpsertCoachProfileUseCase;
import dev.coachkit.ports.in.conversation.ListConversationMessagesQuery;
import dev.coachkit.ports.in.conversation.ListConversationMessagesUseCase;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.server.voice.VoiceCallFixtures.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With upstream sessions limited to a few seconds, a call moves to a new upstream session and keeps talking. */
@QuarkusTest
@TestProfile(VoiceContinuationTest.ShortUpstreamSessions.class)
@WithTestResource(RealtimeSimulatorResource.class)
class VoiceContinuationTest {
  static final Duration WAIT = Duration.ofSeconds(15);

  /** Upstream sessions of 8 s, continued 4 s before their end. */
  public static class ShortUpstreamSessions implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("coach.voice.upstream-max-duration", "8s", "coach.voice.continuation-lead", "4s",
          "coach.voice.tick-interval", "1s");
    }
  }

  @Inject
  UpsertCoachProfileUseCase profiles;

  @Inject
  ListConversationMessagesUseCase messages;

  @Inject
  MeterRegistry registry;

  private double continuations() {
    Counter counter = registry.find("coach.voice.continuations").counter();
    return counter == null ? 0 : counter.count();
  }

  private double drops() {
    return registry.find("coach.voice.upstream.reconnects").tags("cause", "upstream_dropped").counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  @Test
  void givenUpstreamLimitReached_call_continuesOnANewUpstreamSessionThatCarriesTheConversation() {
    Caller pia = caller(profiles, "Pia");
    double continuationsBefore = continuations();
    double dropsBefore = drops();
    try (VoiceTestClient client = VoiceTestClient.connectWithTicket(RestAssured.port, pia.token(), "new")) {
      String conversationId = client.await("session_created", WAIT).path("conversationId").asText();
      client.await("session_ready", WAIT);
      SimulatedSession first = upstreamOf(pia, 1, WAIT);
      first.awaitSent("response.done", WAIT);
      client.sendJson("{\"type\":\"playback_position\",\"playedMs\":100000}");
      first.enqueue(ScriptedTurn.reply("My knee hurts when I squat.", "Then we skip squats this week.", 200));
      client.stream(utterance(), 1.9);
      client.await(m -> "Then we skip squats this week.".equals(m.path("text").asText()) && m.path("final")
          .asBoolean(), WAIT, "the first reply");
      client.sendJson("{\"type\":\"playback_position\",\"playedMs\":100000}");

      JsonNode reconnecting = client.await("reconnecting", WAIT);
      assertThat(reconnecting.path("cause").asText()).isEqualTo("continuation");
      assertThat(reconnecting.path("attempt").asInt()).isEqualTo(1);
      client.await("resumed", WAIT);
      assertThat(continuations()).isEqualTo(continuationsBefore + 1);
      assertThat(drops()).isEqualTo(dropsBefore);
      SimulatedSession second = upstreamOf(pia, 2, WAIT);
      // The new upstream session knows what was said (in its instructions, so the model keeps answering in audio).
      assertThat(second.session().path("instructions").asText()).contains("My knee hurts when I squat.");
      first.awaitClosed(WAIT);

      second.enqueue(ScriptedTurn.reply("What about lunges?", "Lunges are fine if they do not hurt.", 200));
      client.stream(utterance(), 1.9);
      client.await(m -> "Lunges are fine if they do not hurt.".equals(m.path("text").asText()) && m.path("final")
          .asBoolean(), WAIT, "the reply after the continuation");
      assertThat(client.types()).doesNotContain("session_ended");

      client.sendJson("{\"type\":\"end\"}");
      client.await("session_ended", WAIT);
      assertThat(messages.list(new ListConversationMessagesQuery(pia.userId(), ConversationId.parse(conversationId),
          Optional.empty(), 100)).orElseThrow().items()).extracting(Message::content)
          .contains("My knee hurts when I squat.", "Then we skip squats this week.", "What about lunges?",
              "Lunges are fine if they do not hurt.");
    }
  }
}
