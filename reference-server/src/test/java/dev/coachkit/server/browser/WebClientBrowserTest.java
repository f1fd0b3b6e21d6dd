package dev.coachkit.server.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coachkit.adapter.openai.simulator.OpenAiSimulator;
import dev.coachkit.adapter.openai.simulator.SimulatedReply;
import dev.coachkit.adapter.openai.simulator.realtime.RealtimeSimulator;
import dev.coachkit.adapter.openai.simulator.realtime.ScriptedTurn;
import dev.coachkit.adapter.openai.simulator.realtime.SimulatedSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reference web client in a real browser: {@code src/test/browser/run.mjs} drives Debian's Chromium with
 * playwright-core against this server, whose OpenAI provider and realtime base point at the simulators this class
 * scripts. Each test runs one scenario in its own Chromium and checks the per-scenario JSON result. Screenshots
 * (desktop and phone sizes) go to {@code target/screenshots/}.
 *
 * <p>Needs chromium, espeak-ng, node and {@code npm ci} in {@code src/test/browser} (.ci/run installs them). When
 * one is missing the tests are skipped with the reason, except under CI (env {@code CI} set), where they fail.
 */
@QuarkusTest
@QuarkusTestResource(value = SimulatorsResource.class, restrictToAnnotatedClass = true)
class WebClientBrowserTest {

  private static final ObjectMapper JSON = BrowserScenarios.JSON;

  @InjectSimulator
  OpenAiSimulator chat;

  @InjectSimulator
  RealtimeSimulator realtime;

  @TestHTTPResource("/")
  URL baseUrl;

  @BeforeAll
  static void browserToolsArePresent() {
    BrowserScenarios.requireTools();
  }

  @BeforeEach
  void resetSimulators() {
    chat.reset();
    // An unscripted model call would answer this, so a test that expects its scripted text would see it.
    chat.setDefaultReply(SimulatedReply.text("UNSCRIPTED REPLY"));
  }

  @Test
  void givenLocalIssuer_signInInBrowser_showsTheAppForThatUser() throws Exception {
    JsonNode result = runScenario("sign-in", expect("user", "browser-alice-" + System.nanoTime()));

    assertPassed(result);
  }

  @Test
  void givenScriptedReply_textChatInBrowser_showsTheStreamedReplyAndKeepsItInHistory() throws Exception {
    String reply = "Start with five minutes of easy jogging, then leg swings and a few strides.";
    chat.enqueue(SimulatedReply.text(reply).withTextChunkSize(6).withChunkDelay(Duration.ofMillis(15)));

    JsonNode result = runScenario("text-chat", expect("userMessage", "How should I warm up before a run?")
        .put("reply", reply).put("minDeltas", 3));

    assertPassed(result);
    assertThat(chat.requests()).anySatisfy(r -> assertThat(r.isStream()).isTrue());
  }

  @Test
  void givenCoachCallsCreateWorkoutPlan_chatInBrowser_showsThePlanCard() throws Exception {
    chat.enqueue(SimulatedReply.toolCall("create_workout_plan", "{\"goal\":\"strength\",\"days_per_week\":3,"
        + "\"level\":null,\"session_minutes\":null,\"weeks\":null,\"equipment\":null,\"limitations\":null}"));
    String reply = "Here is your three-day strength plan. Start on Monday!";
    chat.enqueue(SimulatedReply.text(reply));

    JsonNode result = runScenario("plan-card", expect("userMessage", "Make me a 3-day workout plan for strength")
        .put("reply", reply).put("minDays", 3));

    assertPassed(result);
  }

  @Test
  void givenMicrophone_voiceCallInBrowser_transcribesPlaysAudioAndStoresTheTurns() throws Exception {
    String greeting = "Hi! I am your coach. What would you like to work on?";
    String userSaid = "What should I train today?";
    String answer = "Let us do a short full body session with squats and push ups.";
    // The fake microphone says the phrase five times, 7 s apart. The first ones may come before the call is live
    // (then they are not relayed; how many depends on the machine's load); the first relayed one gets the short
    // answer, the next a 9-second answer, which the one after it interrupts (barge-in). Five leave room for two
    // phrases lost to a slow start.
    realtime.enqueue(ScriptedTurn.reply("(greeting)", greeting, 1500), ScriptedTurn.reply(userSaid, answer, 2500),
        ScriptedTurn.reply("Tell me more.", "A long answer about squats, push ups, rows, lunges and planks, with"
            + " sets, reps and rest times for each of them.", 9000));

    JsonNode result = runScenario("voice-call", expect("speech", "What should I train today?")
        .put("userTranscript", userSaid).put("assistantTranscript", answer).put("leadSilenceMs", 2000)
        .put("repeats", 5).put("gapMs", 7000).put("bargeIn", true));

    assertPassed(result);
    // The browser's microphone audio reached the Realtime API: voiced PCM16, seen by the simulator's VAD.
    List<SimulatedSession> sessions = realtime.sessions();
    assertThat(sessions).isNotEmpty();
    SimulatedSession session = sessions.get(sessions.size() - 1);
    assertThat(session.audioBytesReceived()).as("PCM bytes the simulator received").isGreaterThan(48_000);
    assertThat(session.sentTypes()).contains("input_audio_buffer.speech_started");
    // Barge-in: the page flushed its playback and reported the played position (checked by the scenario). Whether
    // the server then truncates depends on whether it still counts that assistant turn as playing: it settles a turn
    // by the clock once its audio should have played, and a browser on a loaded machine plays later than that, so
    // the truncation itself is asserted deterministically in VoiceRelayTest, not here. Any truncation that does
    // happen must carry the played position.
    assertThat(sessions.stream().flatMap(s -> s.clientEvents("conversation.item.truncate").stream()))
        .as("truncate events").allSatisfy(e -> assertThat(e.path("audio_end_ms").asLong()).isPositive());
    assertThat(result.path("checks").path("samples played").path("detail").asLong())
        .as("assistant samples the page played").isPositive();
  }

  @Test
  void givenMicrophoneDenied_callButton_explainsAndFallsBackToTextInTheSameConversation() throws Exception {
    chat.enqueue(SimulatedReply.text("Hello! How can I help today?"));
    String reply = "Sure, text works just as well. What is your goal?";
    chat.enqueue(SimulatedReply.text(reply));
    int voiceSessionsBefore = realtime.sessions().size();

    JsonNode result = runScenario("mic-denied", expect("firstMessage", "Hi coach")
        .put("userMessage", "Then let us talk in text.").put("reply", reply));

    assertPassed(result);
    assertThat(realtime.sessions()).as("no voice session opened upstream").hasSize(voiceSessionsBefore);
  }

  @Test
  void givenFilledProfileForm_saveInBrowser_storesTheProfileOnTheServer() throws Exception {
    ObjectNode expect = expect("userMessage", "unused");
    ObjectNode profile = expect.putObject("profile");
    profile.put("name", "Alice Browser");
    profile.put("birthYear", 1990);
    profile.put("sex", "FEMALE");
    profile.put("heightCm", 170.5);
    profile.put("weightKg", 64.2);
    profile.put("fitnessLevel", "INTERMEDIATE");
    profile.put("activityLevel", "MODERATELY_ACTIVE");
    profile.put("language", "en");
    profile.putArray("injuries").add("left knee").add("right shoulder");
    profile.putArray("equipment").add("dumbbells").add("bench");
    profile.putArray("dietaryPreferences").add("vegetarian");
    profile.putArray("allergies").add("peanuts");
    profile.put("persona", "FITNESS_COACH");
    profile.put("preferredMode", "VOICE");
    profile.put("preferredVoice", "marin");
    profile.put("weeklyCheckInOptIn", true);

    JsonNode result = runScenario("profile", expect);

    assertPassed(result);
    // Independently of the page: the server holds the profile for that user.
    JsonNode stored = JSON.readTree(as(expect.path("user").asText()).when().get("/api/coach/context")
        .then().statusCode(200).extract().asString()).path("profile");
    profile.fields().forEachRemaining(field -> assertThat(stored.path(field.getKey()))
        .as("stored %s", field.getKey()).isEqualTo(field.getValue()));
  }

  @Test
  void givenChatTurnWithUsage_usageViewInBrowser_showsTheTokensAndCost() throws Exception {
    String reply = "Drink water and sleep well; recovery is training too.";
    chat.enqueue(SimulatedReply.text(reply).withUsage(12_000, 3_000));

    ObjectNode expect = expect("userMessage", "How do I recover after a hard session?").put("reply", reply);
    JsonNode result = runScenario("usage", expect);

    assertPassed(result);
    JsonNode usage = JSON.readTree(as(expect.path("user").asText()).when().get("/api/coach/usage")
        .then().statusCode(200).extract().asString());
    assertThat(usage.path("tokens").path("inputTokens").asLong()).isEqualTo(12_000);
    assertThat(usage.path("tokens").path("outputTokens").asLong()).isEqualTo(3_000);
    assertThat(result.path("checks").path("usage").path("detail").path("tokens"))
        .isEqualTo(usage.path("tokens"));
  }

  @Test
  void givenConversation_deleteMyDataInBrowser_cancelKeepsAndConfirmRemovesEverything() throws Exception {
    chat.enqueue(SimulatedReply.text("Noted. Let us start with a short walk every day."));
    ObjectNode expect = expect("userMessage", "I want to get fitter.");
    String user = expect.path("user").asText();

    JsonNode result = runScenario("delete-data", expect);

    assertPassed(result);
    JsonNode conversations = JSON.readTree(as(user).when().get("/api/coach/conversations")
        .then().statusCode(200).extract().asString());
    JsonNode list = conversations.path("items");
    assertThat(list.isArray()).as("conversation page %s", conversations).isTrue();
    assertThat(list).as("conversations left").isEmpty();
    JsonNode usage = JSON.readTree(as(user).when().get("/api/coach/usage").then().statusCode(200).extract().asString());
    assertThat(usage.path("responses").asLong()).as("usage left").isZero();
  }

  // ------------------------------------------------------------------ plumbing

  private static ObjectNode expect(String key, String value) {
    ObjectNode node = JSON.createObjectNode();
    // A fresh user per scenario (one open voice session per user; histories start empty).
    node.put("user", "browser-" + System.nanoTime());
    node.put(key, value);
    return node;
  }

  /** A request as {@code user}, with a token from the local issuer (any name works locally). */
  private static io.restassured.specification.RequestSpecification as(String user) {
    String token = given().contentType(ContentType.JSON).body("{\"user\":\"" + user + "\"}")
        .when().post("/local/tokens").then().statusCode(200).extract().path("accessToken");
    return given().auth().oauth2(token);
  }

  private static void assertPassed(JsonNode result) {
    BrowserScenarios.assertPassed(result);
  }

  private JsonNode runScenario(String scenario, ObjectNode expect) throws IOException, InterruptedException {
    return BrowserScenarios.run(baseUrl, scenario, expect);
  }
}
