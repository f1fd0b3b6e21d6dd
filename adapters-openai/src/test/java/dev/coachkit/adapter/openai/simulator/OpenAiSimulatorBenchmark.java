package dev.coachkit.adapter.openai.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a timed test: the CPU the simulator (not validating, as in the chat-turn benchmark) spends per
 * blocking chat completion, with its exchanges run on the dispatcher thread or handed to a pool thread. Two
 * simulators, one of each, answer the same requests in alternate rounds; the report gives per request the CPU of the
 * simulator's threads (dispatcher and pool), of the whole process (the Apache client included), the wall time, the
 * load average, and the median per-round difference. Runs only with
 * {@code ./mvnw -B -o -pl adapters-openai -am verify -Dbenchmark}; the report goes to
 * {@code adapters-openai/target/benchmark/openai-simulator.md}. It asserts only that every request was answered.
 */
@Tag("benchmark")
class OpenAiSimulatorBenchmark {

  private static final int WARM_UP = 10_000;
  private static final int CALLS = 2_000;
  private static final int ROUNDS = 31;
  private static final String BODY = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\""
      + "You are a careful fitness coach. ".repeat(120) + "\"},{\"role\":\"user\",\"content\":\"How far today?\"}]}";
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Test
  void givenNonValidatingSimulators_blockingCompletions_costThisMuchSimulatorCpuEach() throws Exception {
    StringBuilder report = new StringBuilder("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
        + System.getProperty("java.version") + "; " + CALLS + " requests per round after " + WARM_UP
        + " warm-up requests\n\n| dispatch | threads | round | simulator CPU µs/request | process CPU µs/request "
        + "| wall µs/request | load average before → after |\n|---|---|---|---|---|---|---|\n");
    ExecutorService callers = Executors.newCachedThreadPool();
    Map<String, OpenAiSimulator> simulators = new LinkedHashMap<>();
    simulators.put("inline", OpenAiSimulator.builder().validating(false).recording(false).start());
    simulators.put("pool", OpenAiSimulator.builder().validating(false).recording(false).inlineDispatch(false).start());
    try (CloseableHttpClient http = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnPerRoute(64)
            .setMaxConnTotal(128).build())
        .disableAutomaticRetries().disableContentCompression().disableCookieManagement().build()) {
      for (OpenAiSimulator simulator : simulators.values()) {
        simulator.setDefaultReply(SimulatedReply.text("Hi there, how did the run go today?"));
      }
      for (int threads : new int[] {1, 16}) {
        measure(report, simulators, threads, http, callers);
      }
    } finally {
      simulators.values().forEach(OpenAiSimulator::close);
      callers.shutdownNow();
    }
    Path out = Path.of("target", "benchmark", "openai-simulator.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
    System.out.println(report);
  }

  private static void measure(StringBuilder report, Map<String, OpenAiSimulator> simulators, int threads,
      CloseableHttpClient http, ExecutorService callers) throws Exception {
    for (OpenAiSimulator simulator : simulators.values()) {
      run(threads, WARM_UP, simulator, http, callers);
    }
    List<String> names = new ArrayList<>(simulators.keySet());
    Map<String, double[]> cpu = new LinkedHashMap<>();
    names.forEach(name -> cpu.put(name, new double[ROUNDS]));
    for (int round = 1; round <= ROUNDS; round++) {
      List<String> order = new ArrayList<>(names);
      if (round % 2 == 0) {
        java.util.Collections.reverse(order);
      }
      for (String name : order) {
        String loadBefore = loadAverage();
        Map<Long, Long> before = simulatorThreadCpu();
        long processBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        run(threads, CALLS, simulators.get(name), http, callers);
        long wall = System.nanoTime() - wallBefore;
        long process = processCpuNanos() - processBefore;
        long simulator = 0;
        for (Map.Entry<Long, Long> thread : simulatorThreadCpu().entrySet()) {
          simulator += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        cpu.get(name)[round - 1] = simulator / 1_000.0 / CALLS;
        report.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %s → %s |%n", name, threads,
            round, simulator / 1_000.0 / CALLS, process / 1_000.0 / CALLS, wall / 1_000.0 / CALLS, loadBefore,
            loadAverage()));
      }
    }
    double[] first = cpu.get(names.get(0));
    for (String name : names) {
      double[] values = cpu.get(name);
      double[] differences = new double[ROUNDS];
      for (int i = 0; i < ROUNDS; i++) {
        differences[i] = values[i] - first[i];
      }
      report.append(String.format(Locale.ROOT,
          "| %s | %d | median (min) | **%.1f** (%.1f) | median difference to %s: %+.1f µs | | |%n", name, threads,
          median(values), Arrays.stream(values).min().orElseThrow(), names.get(0), median(differences)));
    }
  }

  /** CPU time so far of each live thread of the simulators (the JDK server's dispatchers and the pool threads). */
  private static Map<Long, Long> simulatorThreadCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      if (name.startsWith("HTTP-Dispatcher") || name.startsWith("openai-simulator-")) {
        long time = THREADS.getThreadCpuTime(thread.getId());
        if (time >= 0) {
          cpu.put(thread.getId(), time);
        }
      }
    }
    return cpu;
  }

  private static void run(int threads, int calls, OpenAiSimulator simulator, CloseableHttpClient http,
      ExecutorService callers) throws Exception {
    List<Throwable> failures = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int share = calls / threads + (t < calls % threads ? 1 : 0);
      callers.execute(() -> {
        try {
          for (int i = 0; i < share; i++) {
            HttpPost post = new HttpPost(simulator.baseUrl() + "/chat/completions");
            post.setHeader("Authorization", "Bearer " + simulator.apiKey());
            post.setEntity(new StringEntity(BODY, ContentType.APPLICATION_JSON));
            String answer = http.execute(post, (ClassicHttpResponse response) -> {
              assertThat(response.getCode()).isEqualTo(200);
              return EntityUtils.toString(response.getEntity());
            });
            assertThat(answer).contains("Hi there");
          }
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
      throw new AssertionError("requests failed", failures.get(0));
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
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
