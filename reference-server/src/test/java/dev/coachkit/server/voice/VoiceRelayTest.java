package dev.coachkit.server.voice;

import static dev.coachkit.server.voice.VoiceCallFixtures.caller;
import static dev.coachkit.server.voice.VoiceCallFixtures.upstreamOf;
import static dev.coachkit.server.voice.VoiceCallFixtures.utterance;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapter.openai.simulator.realtime.ScriptedTurn;
import dev.coachkit.adapter.openai.simulator.realtime.SimulatedSession;
import dev.coachkit.ports.in.coaching.UpsertCoachProfileUseCase;
import dev.coachkit.ports.in.conversation.ListConversationMessagesQuery;
import dev.coachkit.ports.in.conversation.ListConversationMessagesUseCase;
import dev.coachkit.ports.in.plan.ListPlansUseCase;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.conversation.Channel;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.MessageRole;
import dev.coachkit.ports.model.conversation.MessageStatus;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.PlanKind;
import dev.coachkit.server.voice.VoiceCallFixtures.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The voice relay end to end: a JDK WebSocket client streaming real speech through {@code /ws/coach/voice}, the
 * domain, the OpenAI realtime adapter and the Realtime simulator, with PostgreSQL storing the conversation.
 */
@QuarkusTest
@WithTestResource(RealtimeSimulatorResource.class)
class VoiceRelayTest {
  static final Duration WAIT = Duration.ofSeconds(10);

  @Inject
  UpsertCoachProfileUseCase profiles;

  @Inject
  ListConversationMessagesUseCase messages;

  @Inject
  ListPlansUseCase plans;

  @Inject
  MeterRegistry registry;

  private double counter(String name, String... tags) {
    Counter counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  private static int port() {
    return RestAssured.port;
  }

  private List<Message> stored(Caller caller, String conversationId) {
    return messages.list(new ListConversationMessagesQuery(caller.userId(), ConversationId.parse(conversationId),
        Optional.empty(), 100)).orElseThrow().items();
  }

  /** Connects a new call and waits until the greeting has been spoken (and its response is done upstream). */
  private static VoiceTestClient greeted(Caller caller, SimulatedSession[] upstream) {
    VoiceTestClient client = VoiceTestClient.connectWithTicket(port(), caller.token(), "new");
    client.await("session_ready", WAIT);
    upstream[0] = upstreamOf(caller, 1, WAIT);
    upstream[0].awaitSent("response.done", WAIT);
    client.await(m -> "assistant_transcript".equals(m.path("type").asText()) && m.path("final").asBoolean(), WAIT,
        "the greeting's final transcript");
    return client;
  }

  private static void playedAll(VoiceTestClient client) {
    client.sendJson("{\"type\":\"playback_position\",\"playedMs\":" + (client.audio().length / 48 + 1000) + "}");
  }

  @Test
  void givenSpokenQuestion_call_greetsByNameRelaysTranscriptsAndAudioAndStoresTheConversation() {
    Caller alice = caller(profiles, "Ali");
    SimulatedSession[] upstream = new SimulatedSession[1];
    try (VoiceTestClient client = greeted(alice, upstream)) {
      JsonNode created = client.await("session_created", WAIT);
      assertThat(created.path("created").asBoolean()).isTrue();
      String sessionId = created.path("sessionId").asText();
      String conversationId = created.path("conversationId").asText();
      // The coach speaks first: the greeting response asks for the user's name.
      JsonNode greeting = upstream[0].awaitClientEvent("response.create", WAIT);
      assertThat(greeting.toString()).contains(alice.firstName());
      int greetingAudio = client.audio().length;
      assertThat(greetingAudio).isPositive();
      playedAll(client);

      upstream[0].enqueue(ScriptedTurn.reply("Could you make me a workout plan?", "Sure, three days a week it is.",
          400));
      client.stream(utterance(), 1.8);

      client.await("speech_started", WAIT);
      client.await("speech_stopped", WAIT);
      JsonNode transcript = client.await(m -> "transcript".equals(m.path("type").asText())
          && m.path("final").asBoolean(), WAIT, "the user's final transcript");
      assertThat(transcript.path("role").asText()).isEqualTo("user");
      assertThat(transcript.path("text").asText()).isEqualTo("Could you make me a workout plan?");
      client.await(m -> m.path("text").asText().equals("Sure, three days a week it is.") && m.path("final")
          .asBoolean(), WAIT, "the reply's final transcript");
      client.awaitAudio(greetingAudio + 400 * 48, WAIT);
      // The simulator heard the audio the client streamed.
      assertThat(upstream[0].audioBytesReceived()).isGreaterThanOrEqualTo(utterance().length - 2 * 960L);
      client.await("usage", WAIT);

      client.sendJson("{\"type\":\"end\"}");
      JsonNode ended = client.await("session_ended", WAIT);
      assertThat(ended.path("reason").asText()).isEqualTo("user_ended");
      assertThat(client.awaitClosed(WAIT)).isEqualTo(1000);
      upstream[0].awaitClosed(Duration.ofSeconds(2));

      List<Message> conversation = stored(alice, conversationId);
      assertThat(conversation).allSatisfy(m -> assertThat(m.voiceSessionId()).hasValueSatisfying(
          id -> assertThat(id.toString()).isEqualTo(sessionId)));
      assertThat(conversation).anySatisfy(m -> {
        assertThat(m.role()).isEqualTo(MessageRole.USER);
        assertThat(m.channel()).isEqualTo(Channel.VOICE);
        assertThat(m.content()).isEqualTo("Could you make me a workout plan?");
      });
      assertThat(conversation).filteredOn(m -> m.role() == MessageRole.ASSISTANT).extracting(Message::content)
          .contains("Hello! How can I help you today?", "Sure, three days a week it is.");
      given().auth().oauth2(alice.token()).when().get("/api/coach/voice/sessions/" + sessionId)
          .then().statusCode(200)
          .body("status", org.hamcrest.Matchers.equalTo("ended"))
          .body("endReason", org.hamcrest.Matchers.equalTo("user_ended"))
          .body("audioSecondsIn", org.hamcrest.Matchers.greaterThan(1.0f));
    }
  }

  @Test
  void givenPlanRequest_call_runsTheToolOnTheServerAndCreatesAPlan() {
    Caller bob = caller(profiles, "Bob");
    SimulatedSession[] upstream = new SimulatedSession[1];
    try (VoiceTestClient client = greeted(bob, upstream)) {
      String conversationId = client.await("session_created", WAIT).path("conversationId").asText();
      playedAll(client);
      upstream[0].enqueue(
          ScriptedTurn.functionCall("Make me a plan", "create_workout_plan",
              "{\"goal\":\"general_fitness\",\"days_per_week\":3,\"level\":null,\"session_minutes\":null,"
                  + "\"weeks\":null,\"equipment\":null,\"limitations\":null}"),
          ScriptedTurn.reply("", "Your three-day plan is ready.", 300));
      client.stream(utterance(), 1.8);

      JsonNode call = client.await("tool_call", WAIT);
      assertThat(call.path("name").asText()).isEqualTo("create_workout_plan");
      assertThat(call.path("arguments").path("days_per_week").asInt()).isEqualTo(3);
      JsonNode result = client.await("tool_result", WAIT);
      assertThat(result.path("error").asBoolean()).isFalse();
      String planId = result.path("result").path("plan_id").asText();
      client.await(m -> "Your three-day plan is ready.".equals(m.path("text").asText()) && m.path("final")
          .asBoolean(), WAIT, "the answer after the tool");

      List<Plan> workoutPlans = plans.list(new ListPlansUseCase.ListPlansQuery(bob.userId(),
          Optional.of(PlanKind.WORKOUT)));
      assertThat(workoutPlans).singleElement().satisfies(p -> {
        assertThat(p.id().toString()).isEqualTo(planId);
        assertThat(p.sourceConversationId().map(Object::toString)).contains(conversationId);
      });
      // The tool output went upstream, then the next response was requested.
      assertThat(upstream[0].clientEvents("conversation.item.create").toString()).contains("function_call_output");
      assertThat(stored(bob, conversationId)).anySatisfy(m -> assertThat(m.role()).isEqualTo(MessageRole.TOOL));
    }
  }

  @Test
  void givenAssistantStillPlaying_userBargesIn_itemIsTruncatedAtThePlayedPositionAndStoredInterrupted() {
    Caller cleo = caller(profiles, "Cleo");
    SimulatedSession[] upstream = new SimulatedSession[1];
    try (VoiceTestClient client = greeted(cleo, upstream)) {
      String conversationId = client.await("session_created", WAIT).path("conversationId").asText();
      // The greeting (1.5 s of audio) has arrived but only 400 ms of it were played when the user talks over it.
      client.sendJson("{\"type\":\"playback_position\",\"playedMs\":400}");
      upstream[0].enqueue(ScriptedTurn.reply("Sorry to interrupt.", "No problem.", 200));
      client.stream(utterance(), 1.8);

      client.await("speech_started", WAIT);
      JsonNode truncate = upstream[0].awaitClientEvent("conversation.item.truncate", WAIT);
      assertThat(truncate.path("audio_end_ms").asLong()).isEqualTo(400);
      client.await(m -> "No problem.".equals(m.path("text").asText()) && m.path("final").asBoolean(), WAIT,
          "the reply after the barge-in");
      VoiceTestClient.poll(() -> stored(cleo, conversationId).stream()
              .filter(m -> m.role() == MessageRole.ASSISTANT && m.status() == MessageStatus.INTERRUPTED).findFirst(),
          WAIT, "an interrupted assistant turn");
    }
  }

  @Test
  void givenUpstreamDrop_call_reconnectsAndTellsTheClientThenCarriesOn() {
    Caller dan = caller(profiles, "Dan");
    SimulatedSession[] upstream = new SimulatedSession[1];
    try (VoiceTestClient client = greeted(dan, upstream)) {
      playedAll(client);
      double dropsBefore = counter("coach.voice.upstream.reconnects", "cause", "upstream_dropped", "attempt", "first");
      double continuationsBefore = counter("coach.voice.continuations");
      upstream[0].dropConnection();

      JsonNode reconnecting = client.await("reconnecting", WAIT);
      assertThat(reconnecting.path("attempt").asInt()).isEqualTo(1);
      assertThat(reconnecting.path("cause").asText()).isEqualTo("upstream_dropped");
      client.await("resumed", WAIT);
      assertThat(counter("coach.voice.upstream.reconnects", "cause", "upstream_dropped", "attempt", "first"))
          .isEqualTo(dropsBefore + 1);
      assertThat(counter("coach.voice.continuations")).isEqualTo(continuationsBefore);
      SimulatedSession second = upstreamOf(dan, 2, WAIT);
      assertThat(second).isNotSameAs(upstream[0]);
      second.enqueue(ScriptedTurn.reply("Are you still there?", "Yes, still here.", 200));
      client.stream(utterance(), 1.8);
      client.await(m -> "Yes, still here.".equals(m.path("text").asText()) && m.path("final").asBoolean(), WAIT,
          "a reply over the new upstream session");
      assertThat(client.types()).doesNotContain("session_ended");
    }
  }

  @Test
  void givenLiveCall_clientDisconnects_upstreamClosesWithinOneSecondAndSessionEnds() {
    Caller eve = caller(profiles, "Eve");
    SimulatedSession[] upstream = new SimulatedSession[1];
    VoiceTestClient client = greeted(eve, upstream);
    String sessionId = client.await("session_created", WAIT).path("sessionId").asText();
    client.hangUpAbruptly();
    long start = System.nanoTime();
    upstream[0].awaitClosed(Duration.ofSeconds(1));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    client.close();
    VoiceTestClient.poll(() -> {
      String reason = given().auth().oauth2(eve.token()).when().get("/api/coach/voice/sessions/" + sessionId)
          .then().statusCode(200).extract().path("endReason");
      return Optional.ofNullable(reason);
    }, WAIT, "the session to end").equals("client_disconnected");
    given().auth().oauth2(eve.token()).when().get("/api/coach/voice/sessions/" + sessionId)
        .then().body("endReason", org.hamcrest.Matchers.equalTo("client_disconnected"));
  }
}
