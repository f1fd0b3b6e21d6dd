package dev.coachkit.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * Runs one scenario of {@code src/test/browser/run.mjs} (playwright-core in Debian's Chromium) against a started
 * server and reads its JSON result; checks that the browser tools are present first.
 */
final class BrowserScenarios {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path BROWSER_DIR = Path.of("src", "test", "browser");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration SCENARIO_TIMEOUT = Duration.ofMinutes(3);

  private BrowserScenarios() {
  }

  /** Skips (or, under CI, fails) when Chromium, espeak-ng, node or the node modules are missing. */
  static void requireTools() {
    BrowserTools.requirePresent(BROWSER_DIR);
  }

  static void assertPassed(JsonNode result) {
    assertThat(result.path("passed").asBoolean())
        .as("scenario %s: %s; checks %s; screenshots in %s", result.path("scenario").asText(),
            result.path("error").asText(), result.path("checks"), SCREENSHOTS.toAbsolutePath())
        .isTrue();
    assertThat(result.path("screenshots")).as("desktop and phone screenshots").hasSizeGreaterThanOrEqualTo(2);
    for (JsonNode shot : result.path("screenshots")) {
      assertThat(Path.of(shot.asText())).isRegularFile();
    }
  }

  static JsonNode run(URL baseUrl, String scenario, ObjectNode expect) throws IOException, InterruptedException {
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
