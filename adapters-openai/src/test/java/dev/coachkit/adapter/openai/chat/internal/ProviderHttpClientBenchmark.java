package dev.coachkit.adapter.openai.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.model.ModelMessage;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a timed test: the CPU the chat transport spends per blocking call. Sends chat completions through
 * {@link ProviderHttpClient} (and, for scale, through {@link ProviderChain}, LangChain4j's OpenAI client included) to
 * {@link CountingHttpServer}, which answers at once on a kept-alive connection, and reports per call the CPU time of
 * the calling threads ({@code ThreadMXBean.getCurrentThreadCpuTime}), the heap they allocated, the whole process's
 * CPU (the server's threads included), the wall time, and the load average. To compare two clients, put both in
 * {@code paths}: they are measured in alternate rounds and the report gives the median per-round difference.
 * Runs only with {@code ./mvnw -B -o -pl adapters-openai -am verify -Dbenchmark}; the report goes to
 * {@code adapters-openai/target/benchmark/provider-http-client.md}. It asserts only that every call succeeded.
 */
@Tag("benchmark")
class ProviderHttpClientBenchmark {

  private static final int WARM_UP = 20_000;
  private static final int CALLS = 3_000;
  private static final int ROUNDS = 41;

  private static final String COMPLETION = """
      {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
       "choices":[{"index":0,"message":{"role":"assistant","content":"Hi there, how did the run go today?"},
       "finish_reason":"stop"}],"usage":{"prompt_tokens":1250,"completion_tokens":12,"total_tokens":1262}}""";

  /** A body of about the size of a chat turn's request (system prompt, context, a few messages). */
  private static final String BODY = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\""
      + "You are a careful fitness coach. ".repeat(120) + "\"},{\"role\":\"user\",\"content\":\"How far today?\"}]}";

  /** Held so that its level stays set. */
  private static final java.util.logging.Logger APACHE_LOG = java.util.logging.Logger.getLogger("org.apache.hc");

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** One call on the calling thread. */
  private interface Call {
    void run() throws Exception;
  }

  @Test
  void givenAServerThatAnswersAtOnce_blockingCalls_costThisMuchCpuEach() throws Exception {
    // As in the server (Quarkus logs at INFO): without a logging configuration the test JVM's log manager has
    // Apache's debug logging on, which wraps every socket in a wire logger.
    APACHE_LOG.setLevel(java.util.logging.Level.INFO);
    boolean wireLog = org.slf4j.LoggerFactory.getLogger("org.apache.hc.client5.http.wire").isDebugEnabled();
    assertThat(wireLog).as("Apache's wire log is on").isFalse();
    StringBuilder report = new StringBuilder();
    report.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, Java ")
        .append(System.getProperty("java.version")).append("; ").append(CALLS).append(" calls per round after ")
        .append(WARM_UP).append(" warm-up calls; request body ").append(BODY.length()).append(" bytes\n\n");
    report.append("| path | threads | round | caller CPU µs/call | caller heap bytes/call | process CPU µs/call "
        + "| wall µs/call | load average before → after |\n|---|---|---|---|---|---|---|---|\n");

    ExecutorService callers = Executors.newCachedThreadPool();
    try (CountingHttpServer server = new CountingHttpServer(COMPLETION, null);
        ProviderHttpClient client = ProviderHttpClient.create(Duration.ofSeconds(2), Duration.ofSeconds(10), 64,
            callers)) {
      server.forgetHeads();
      HttpRequest request = HttpRequest.builder()
          .method(HttpMethod.POST)
          .url(server.url() + "/v1/chat/completions")
          .addHeader("Authorization", "Bearer sk-benchmark-0123456789abcdef")
          .addHeader("User-Agent", "langchain4j-openai")
          .addHeader("Content-Type", "application/json")
          .body(BODY)
          .build();
      Map<String, Call> paths = new LinkedHashMap<>();
      paths.put("ProviderHttpClient.execute", () -> check(client.execute(request)));
      measure(report, paths, 1, callers);
      measure(report, paths, 16, callers);
      assertThat(server.accepted()).isLessThanOrEqualTo(16 * paths.size());

      ProviderSettings settings = ProviderSettings.openAi("bench", server.url() + "/v1",
          "sk-benchmark-0123456789abcdef", "gpt-4o-mini", Duration.ofSeconds(2), Duration.ofSeconds(10));
      try (ProviderChain chain = new ProviderChain(new ChatSettings(List.of(settings), RetryPolicy.DEFAULT, true,
          Sleeper.SYSTEM, () -> 0.0, Clock.systemUTC(), List.of()))) {
        ModelRequest turn = new ModelRequest("You are a careful fitness coach. ".repeat(120),
            List.of(new ModelMessage.UserText("How far today?")), List.of(), Optional.empty(), 200);
        measure(report, Map.of("ProviderChain.reply (LangChain4j + transport)", () -> chain.reply(turn)), 1,
            callers);
      }
    } finally {
      callers.shutdownNow();
    }

    Path out = Path.of("target", "benchmark", "provider-http-client.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
    System.out.println(report);
  }

  private static void check(SuccessfulHttpResponse response) {
    if (response.statusCode() != 200 || response.body().length() != COMPLETION.length()) {
      throw new IllegalStateException("unexpected answer " + response.statusCode());
    }
  }

  /**
   * Warms every path up, then measures them round after round, each round on every path (in turn, the order reversed
   * every other round). On a shared machine the load changes from second to second; the paths of one round, measured
   * within a few hundred milliseconds of each other, see about the same load, so besides each path's median and
   * minimum the report gives the median of the per-round differences to the first path.
   */
  private static void measure(StringBuilder report, Map<String, Call> paths, int threads, ExecutorService callers)
      throws Exception {
    for (Call call : paths.values()) {
      run(threads, WARM_UP, call, callers);
    }
    List<String> names = new ArrayList<>(paths.keySet());
    Map<String, double[]> callerCpu = new LinkedHashMap<>();
    names.forEach(path -> callerCpu.put(path, new double[ROUNDS]));
    Map<String, double[]> allocatedBytes = new LinkedHashMap<>();
    names.forEach(path -> allocatedBytes.put(path, new double[ROUNDS]));
    StringBuilder rows = new StringBuilder();
    for (int round = 1; round <= ROUNDS; round++) {
      List<String> order = new ArrayList<>(names);
      if (round % 2 == 0) {
        java.util.Collections.reverse(order);
      }
      for (String path : order) {
        String loadBefore = loadAverage();
        long processBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        Usage usage = run(threads, CALLS, paths.get(path), callers);
        long wall = System.nanoTime() - wallBefore;
        long process = processCpuNanos() - processBefore;
        callerCpu.get(path)[round - 1] = usage.cpuNanos() / 1_000.0 / CALLS;
        allocatedBytes.get(path)[round - 1] = (double) usage.allocatedBytes() / CALLS;
        rows.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.0f | %.1f | %.1f | %s → %s |%n", path,
            threads, round, usage.cpuNanos() / 1_000.0 / CALLS, (double) usage.allocatedBytes() / CALLS,
            process / 1_000.0 / CALLS, wall / 1_000.0 / CALLS, loadBefore, loadAverage()));
      }
    }
    report.append(rows);
    double[] first = callerCpu.get(names.get(0));
    for (String path : names) {
      double[] cpu = callerCpu.get(path);
      double[] differences = new double[ROUNDS];
      for (int i = 0; i < ROUNDS; i++) {
        differences[i] = cpu[i] - first[i];
      }
      report.append(String.format(Locale.ROOT,
          "| %s | %d | median (min) | **%.1f** (%.1f) | %.0f | median difference to the first: %+.1f µs | | |%n",
          path, threads, median(cpu), min(cpu), median(allocatedBytes.get(path)), median(differences)));
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }

  /** Makes {@code calls} calls on {@code threads} threads; the CPU time those threads spent on them, in ns. */
  private static Usage run(int threads, int calls, Call call, ExecutorService callers) throws Exception {
    AtomicLong cpu = new AtomicLong();
    AtomicLong allocated = new AtomicLong();
    List<Throwable> failures = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int share = calls / threads + (t < calls % threads ? 1 : 0);
      callers.execute(() -> {
        try {
          long startAllocated = THREADS.getCurrentThreadAllocatedBytes();
          long start = THREADS.getCurrentThreadCpuTime();
          for (int i = 0; i < share; i++) {
            call.run();
          }
          cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - start);
          allocated.addAndGet(THREADS.getCurrentThreadAllocatedBytes() - startAllocated);
        } catch (Throwable e) {
          synchronized (failures) {
            failures.add(e);
          }
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    if (!failures.isEmpty()) {
      throw new AssertionError("calls failed", failures.get(0));
    }
    return new Usage(cpu.get(), allocated.get());
  }

  /** What the calling threads used: CPU time in ns, heap allocated in bytes. */
  private record Usage(long cpuNanos, long allocatedBytes) {
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
