package dev.coachkit.server.coach;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapter.openai.simulator.OpenAiSimulator;
import dev.coachkit.adapter.openai.simulator.SimulatedReply;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Chat turns per second and latency at 1, 16 and 64 concurrent users against the running server (PostgreSQL, the
 * OpenAI simulator answering at once with a default reply). Not part of the normal build; run with
 * {@code ./mvnw -B -pl reference-server -am verify -Dbenchmark} (docs/benchmarks.md). Writes
 * target/benchmark/chat-turns.md. Asserts only that every turn succeeded, never a latency.
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@WithTestResource(SimulatorResource.class)
class ChatTurnBenchmark {

  private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 10));
  private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
  private static final Pattern MODEL_CALL_SUM =
      Pattern.compile("^coach_model_call_seconds_sum\\{[^}]*mode=\"blocking\"[^}]*\\} (\\S+)$", Pattern.MULTILINE);
  private static final Pattern MODEL_CALL_COUNT =
      Pattern.compile("^coach_model_call_seconds_count\\{[^}]*mode=\"blocking\"[^}]*\\} (\\S+)$", Pattern.MULTILINE);

  @InjectSimulator
  OpenAiSimulator simulator;

  @TestHTTPResource("/api/coach/chat")
  URI chat;

  @Test
  void givenInstantModel_chatTurns_throughputAndLatencyAt1_16_64Users() throws Exception {
    simulator.reset();
    simulator.setDefaultReply(SimulatedReply.text("Keep going, you are doing well.").withUsage(200, 8));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(8)).build();
    StringBuilder report = new StringBuilder();
    report.append("| users | turns | turns/s | p50 | p90 | p99 | max | mean model call (HTTP to simulator) |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    run(client, 16, WARM_UP); // JIT, connection pools, caches
    for (int users : new int[] {1, 16, 64}) {
      double[] modelBefore = modelCalls();
      Result result = run(client, users, MEASURE);
      double[] modelAfter = modelCalls();
      double meanModelMs = (modelAfter[0] - modelBefore[0]) / Math.max(1, modelAfter[1] - modelBefore[1]) * 1_000;
      report.append(String.format(Locale.ROOT, "| %d | %,d | %.0f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.2f ms |%n",
          users, result.latenciesNanos.size(), result.latenciesNanos.size() / (result.elapsedNanos / 1e9),
          ms(result.percentile(50)), ms(result.percentile(90)), ms(result.percentile(99)), ms(result.percentile(100)),
          meanModelMs));
      assertThat(result.failures.get()).as("failed turns at " + users + " users").isZero();
    }
    String text = "Chat-turn benchmark " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
        + " CPUs, load " + loadAverage() + "\n\n" + report;
    System.out.println(text);
    Path out = Path.of("target", "benchmark", "chat-turns.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
    simulator.verifyNoProblems();
  }

  private Result run(HttpClient client, int users, Duration duration) throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      tokens.add(CoachApi.newUser("bench").token);
    }
    Result result = new Result();
    long end = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(users);
    List<Future<List<Long>>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (String token : tokens) {
      futures.add(pool.submit(() -> {
        List<Long> latencies = new ArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(chat).header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"How should I warm up before a run?\"}"))
            .build();
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
          long t1 = System.nanoTime();
          if (response.statusCode() == 200) {
            latencies.add(t1 - t0);
          } else {
            result.failures.incrementAndGet();
          }
        }
        return latencies;
      }));
    }
    for (Future<List<Long>> future : futures) {
      result.latenciesNanos.addAll(future.get());
    }
    result.elapsedNanos = System.nanoTime() - start;
    pool.shutdown();
    Collections.sort(result.latenciesNanos);
    return result;
  }

  private static double[] modelCalls() {
    String metrics = given().accept("text/plain").when().get("/q/metrics").then().statusCode(200).extract().asString();
    return new double[] {sum(MODEL_CALL_SUM, metrics), sum(MODEL_CALL_COUNT, metrics)};
  }

  private static double sum(Pattern pattern, String metrics) {
    Matcher m = pattern.matcher(metrics);
    double total = 0;
    while (m.find()) {
      total += Double.parseDouble(m.group(1));
    }
    return total;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static final class Result {
    final List<Long> latenciesNanos = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger failures = new AtomicInteger();
    long elapsedNanos;

    long percentile(int p) {
      if (latenciesNanos.isEmpty()) {
        return 0;
      }
      int index = (int) Math.ceil(p / 100.0 * latenciesNanos.size()) - 1;
      return latenciesNanos.get(Math.max(0, Math.min(index, latenciesNanos.size() - 1)));
    }
  }
}
