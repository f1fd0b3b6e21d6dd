package dev.coachkit.server.coach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapter.openai.simulator.OpenAiSimulator;
import dev.coachkit.adapter.openai.simulator.SimulatedReply;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Chat turns per second, latency and server overhead at 1, 16 and 64 concurrent users against the running server
 * (PostgreSQL, the OpenAI simulator answering at once with a default reply and without contract validation). A
 * turn's server overhead is its latency minus the time its model calls took, measured around the OpenAI adapter
 * ({@link ModelTimeProbe}; each turn's message is unique so that its model time can be found). Not part of the
 * normal build; run with {@code ./mvnw -B -pl reference-server -am verify -Dbenchmark} (docs/benchmarks.md).
 * Writes target/benchmark/chat-turns.md. Asserts only that every turn succeeded, never a latency.
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@WithTestResource(value = SimulatorResource.class,
    initArgs = @ResourceArg(name = SimulatorResource.VALIDATING, value = "false"))
class ChatTurnBenchmark {

  private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 10));
  private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
  private static final String MESSAGE = "How should I warm up before a run?";
  private static final int[] USERS = Arrays.stream(System.getProperty("benchmark.users", "1,16,64").split(","))
      .map(String::trim).mapToInt(Integer::parseInt).toArray();

  /**
   * How long to wait before reading PostgreSQL's commit counter: a backend that goes idle publishes its counters
   * within 10 s (PGSTAT_IDLE_INTERVAL), so after this wait a row's commits are all counted, and only its own.
   */
  private static final long STATS_FLUSH_MILLIS = 11_000;

  private final AtomicLong turnNumbers = new AtomicLong();

  @InjectSimulator
  OpenAiSimulator simulator;

  @Inject
  ModelTimeProbe modelTime;

  @Inject
  AgroalDataSource dataSource;

  @TestHTTPResource("/api/coach/chat")
  URI chat;

  @Test
  void givenInstantModel_chatTurns_throughputLatencyAndOverheadAt1_16_64Users() throws Exception {
    simulator.reset();
    simulator.setDefaultReply(SimulatedReply.text("Keep going, you are doing well.").withUsage(200, 8));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(8, named("bench-http-"))).build();
    CpuMeter cpu = new CpuMeter(postmasterPid());
    StringBuilder report = new StringBuilder();
    StringBuilder cpuReport = new StringBuilder();
    report.append("| users | turns | turns/s | latency p50 | latency p99 | mean model call | overhead p50"
            + " | overhead p90 | overhead p99 | overhead max |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    cpuReport.append("| users | JVM CPU per turn (server + client + simulator) | PostgreSQL CPU per turn"
            + " | PostgreSQL commits per turn | busiest JVM thread groups, ms per turn |\n")
        .append("|---|---|---|---|---|\n");
    run(client, newUsers(16), WARM_UP); // JIT, connection pools, caches
    Thread.sleep(STATS_FLUSH_MILLIS);
    for (int users : USERS) {
      List<String> tokens = newUsers(users);
      long commitsBefore = commits();
      CpuMeter.Reading before = cpu.read();
      Result result = run(client, tokens, MEASURE);
      CpuMeter.Spent spent = CpuMeter.between(before, cpu.read());
      Thread.sleep(STATS_FLUSH_MILLIS);
      double commitsPerTurn = (double) (commits() - commitsBefore) / result.turns();
      cpuReport.append(String.format(Locale.ROOT, "| %d | %.2f ms | %s | %.1f | %s |%n", users,
          spent.processNanos() / 1e6 / result.turns(),
          spent.postgresNanos().isPresent()
              ? String.format(Locale.ROOT, "%.2f ms", spent.postgresNanos().getAsLong() / 1e6 / result.turns())
              : "not measured",
          commitsPerTurn, spent.topGroups(8, result.turns())));
      report.append(String.format(Locale.ROOT,
          "| %d | %,d | %.0f | %.1f ms | %.1f ms | %.2f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n",
          users, result.turns(), result.turns() / (result.elapsedNanos / 1e9),
          ms(Result.percentile(result.latencies, 50)), ms(Result.percentile(result.latencies, 99)),
          ms(result.meanModelNanos()),
          ms(Result.percentile(result.overheads, 50)), ms(Result.percentile(result.overheads, 90)),
          ms(Result.percentile(result.overheads, 99)), ms(Result.percentile(result.overheads, 100))));
      assertThat(result.failures.get()).as("failed turns at " + users + " users").isZero();
    }
    String text = "Chat-turn benchmark " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
        + " CPUs, load " + loadAverage() + "\n\n" + report + "\n" + cpuReport;
    System.out.println(text);
    Path out = Path.of("target", "benchmark", "chat-turns.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
    simulator.verifyNoProblems();
  }

  /** Bearer tokens of new users, made before a row starts so that neither their cost nor their time counts. */
  private static List<String> newUsers(int users) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      tokens.add(CoachApi.newUser("bench").token);
    }
    return tokens;
  }

  private Result run(HttpClient client, List<String> tokens, Duration duration) throws Exception {
    int users = tokens.size();
    Result result = new Result();
    long end = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(users, named("bench-user-"));
    List<Future<?>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (String token : tokens) {
      futures.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          String message = MESSAGE + " #" + turnNumbers.incrementAndGet();
          HttpRequest request = HttpRequest.newBuilder(chat).header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + message + "\"}"))
              .build();
          long t0 = System.nanoTime();
          HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
          long latency = System.nanoTime() - t0;
          if (response.statusCode() == 200) {
            result.add(latency, modelTime.takeNanos(message));
          } else {
            result.failures.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    result.elapsedNanos = System.nanoTime() - start;
    pool.shutdown();
    Collections.sort(result.latencies);
    Collections.sort(result.overheads);
    return result;
  }

  /** The postmaster of the server's database, when it runs on this host (the embedded cluster does). */
  private OptionalLong postmasterPid() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SHOW data_directory")) {
      rows.next();
      return CpuMeter.postmasterOf(rows.getString(1));
    } catch (SQLException e) {
      return OptionalLong.empty(); // not a superuser: data_directory is hidden
    }
  }

  /** Transactions committed in the server's database so far (all of its sessions, this benchmark's few included). */
  private long commits() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double ms(double nanos) {
    return nanos / 1e6;
  }

  private static final class Result {
    final List<Long> latencies = new ArrayList<>();
    final List<Long> overheads = new ArrayList<>();
    final AtomicInteger failures = new AtomicInteger();
    long modelNanos;
    long elapsedNanos;

    synchronized void add(long latencyNanos, long modelCallNanos) {
      latencies.add(latencyNanos);
      overheads.add(latencyNanos - modelCallNanos);
      modelNanos += modelCallNanos;
    }

    int turns() {
      return latencies.size();
    }

    double meanModelNanos() {
      return latencies.isEmpty() ? 0 : (double) modelNanos / latencies.size();
    }

    /** Nearest-rank percentile of a sorted list. */
    static long percentile(List<Long> sorted, int p) {
      if (sorted.isEmpty()) {
        return 0;
      }
      int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
  }
}
