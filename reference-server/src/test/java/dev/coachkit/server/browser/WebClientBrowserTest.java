package dev.coachkit.server.browser;

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
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path BROWSER_DIR = Path.of("src", "test", "browser");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration SCENARIO_TIMEOUT = Duration.ofMinutes(3);

  @InjectSimulator
  OpenAiSimulator chat;

  @InjectSimulator
  RealtimeSimulator realtime;

  @TestHTTPResource("/")
  URL baseUrl;

  @BeforeAll
  static void browserToolsArePresent() {
    BrowserTools.requirePresent(BROWSER_DIR);
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

  // ------------------------------------------------------------------ plumbing

  private static ObjectNode expect(String key, String value) {
    ObjectNode node = JSON.createObjectNode();
    // A fresh user per scenario (one open voice session per user; histories start empty).
    node.put("user", "browser-" + System.nanoTime());
    node.put(key, value);
    return node;
  }

  private static void assertPassed(JsonNode result) {
    assertThat(result.path("passed").asBoolean())
        .as("scenario %s: %s; checks %s; screenshots in %s", result.path("scenario").asText(),
            result.path("error").asText(), result.path("checks"), SCREENSHOTS.toAbsolutePath())
        .isTrue();
    assertThat(result.path("screenshots")).as("desktop and phone screenshots").hasSizeGreaterThanOrEqualTo(2);
    for (JsonNode shot : result.path("screenshots")) {
      assertThat(Path.of(shot.asText())).isRegularFile();
    }
  }

  private JsonNode runScenario(String scenario, ObjectNode expect) throws IOException, InterruptedException {
    ObjectNode options = JSON.createObjectNode();
    options.put("screenshots", SCREENSHOTS.toAbsolutePath().toString());
    options.put("chromium", BrowserTools.chromium().toString());
    options.set("expect", expect);
    Files.createDirectories(SCREENSHOTS);
    Path log = Path.of("target", "browser-" + scenario + ".log");
    List<String> command = new ArrayList<>(List.of("node", "run.mjs", baseUrl.toString(), scenario,
        JSON.writeValueAsString(options)));
    Path output = Path.of("target", "browser-" + scenario + ".json");
    Process process = new ProcessBuilder(command).directory(BROWSER_DIR.toFile())
        .redirectOutput(output.toAbsolutePath().toFile())
        .redirectError(log.toAbsolutePath().toFile()).start();
    process.getOutputStream().close();
    if (!process.waitFor(SCENARIO_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("scenario " + scenario + " did not finish in " + SCENARIO_TIMEOUT);
    }
    String stdout = Files.readString(output, StandardCharsets.UTF_8).trim();
    String stderr = Files.exists(log) ? Files.readString(log) : "";
    assertThat(stdout).as("JSON result of %s (exit %d); browser log:%n%s", scenario, process.exitValue(),
        tail(stderr)).isNotEmpty();
    JsonNode result = JSON.readTree(stdout.lines().reduce((a, b) -> b).orElseThrow());
    assertThat(result.path("scenario").asText()).isEqualTo(scenario);
    assertThat(process.exitValue()).as("exit code of %s: %s; browser log:%n%s", scenario, result, tail(stderr))
        .isEqualTo(result.path("passed").asBoolean() ? 0 : 1);
    if (!result.path("passed").asBoolean()) {
      System.err.println("[" + scenario + "] browser log:\n" + tail(stderr));
    }
    return result;
  }

  private static String tail(String text) {
    return text.length() <= 6000 ? text : "…" + text.substring(text.length() - 6000);
  }

  /** Finds what the browser tests need; skips (or, under CI, fails) when something is missing. */
  static final class BrowserTools {
    private BrowserTools() {
    }

    static Path chromium() {
      String configured = System.getenv("CHROMIUM");
      return Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
    }

    static void requirePresent(Path browserDir) {
      List<String> missing = new ArrayList<>();
      if (!Files.isExecutable(chromium())) {
        missing.add("Chromium at " + chromium() + " (apt-get install chromium)");
      }
      if (!onPath("espeak-ng")) {
        missing.add("espeak-ng (apt-get install espeak-ng)");
      }
      if (!onPath("node")) {
        missing.add("node (apt-get install nodejs npm)");
      }
      if (!Files.isDirectory(browserDir.resolve("node_modules").resolve("playwright-core"))) {
        missing.add("playwright-core (npm ci in " + browserDir + ")");
      }
      if (missing.isEmpty()) {
        return;
      }
      String message = "browser tests need " + String.join(", ", missing) + "; .ci/run installs them";
      String ci = System.getenv("CI");
      if (ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci)) {
        throw new IllegalStateException(message);
      }
      org.junit.jupiter.api.Assumptions.abort(message);
    }

    private static boolean onPath(String program) {
      String path = System.getenv("PATH");
      if (path == null) {
        return false;
      }
      for (String dir : path.split(File.pathSeparator)) {
        if (Files.isExecutable(Path.of(dir, program))) {
          return true;
        }
      }
      return false;
    }
  }
}
