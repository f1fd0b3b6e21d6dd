package dev.coachkit.server.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The voice relay benchmark (issue 6): relay overhead per 20 ms audio frame in both directions, CPU and heap per
 * session, at 1, 100 and 500 concurrent calls. Not a test: it runs only with {@code -Dbenchmark}, asserts only that
 * it measured something, and writes {@code target/benchmark/voice-relay.md}. Command and results:
 * docs/benchmarks.md, "Voice relay".
 *
 * <p>The upstream model is {@link BenchmarkEchoModel} (in process, echoes each frame at once); the clients run in
 * their own JVM ({@link VoiceBenchClient}), so the CPU time and heap read here are the server's. Every call has
 * its own user, and the test profile lifts the budget, rate limit, idle timeout and call duration so that no limit
 * ends or throttles a call.
 *
 * <p>Optional: {@code -Dbenchmark.sessions=1,100,500}, {@code -Dbenchmark.measure-seconds=20},
 * {@code -Dbenchmark.warmup-seconds=10}, {@code -Dbenchmark.jit-warmup-seconds=60} and
 * {@code -Dbenchmark.jit-warmup-sessions} (the unreported first run; default: the largest level); {@code -Dbenchmark.server-cpus} and
 * {@code -Dbenchmark.client-cpus} pin each JVM to CPUs with {@code taskset} (the emulation of a load generator on
 * another host).
 */
@QuarkusTest
@TestProfile(VoiceRelayBenchmark.EchoModel.class)
@WithTestResource(RealtimeSimulatorResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = ".*")
@Tag("benchmark")
class VoiceRelayBenchmark {
  static final Duration STEP = Duration.ofMinutes(3);

  /** The echo model instead of OpenAI; no limit that could end or throttle a benchmark call. */
  public static class EchoModel implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(BenchmarkEchoModel.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "coach.voice.max-open-per-user", "1000",
          "coach.usage.daily-budget-usd", "1000000",
          "coach.usage.responses-per-minute", "1000000",
          "coach.voice.idle-timeout", "2h",
          "coach.voice.max-call-duration", "4h",
          "coach.voice.upstream-max-duration", "4h",
          "quarkus.log.category.\"dev.coachkit\".level", "WARN");
    }

    @Override
    public String getConfigProfile() {
      return "test";
    }
  }

  /** One level's figures. */
  record Level(int sessions, int measureSeconds, LatencyStats clientToModel, LatencyStats modelToClient,
      long sentMeasured, long receivedMeasured, long skipped, String clientErrors, double serverCpuCores,
      double clientCpuCores, double relayMeanUpMicros, double relayMeanDownMicros, long heapBytesPerSession,
      long directBytesPerSession, long gcMillis, int threadsAdded, String loadBefore, String loadAfter,
      double hostBusyCores, double windowNanos, JvmActivity.Window serverJvm, JvmActivity.Window clientJvm,
      String clientJvmArgs) {

    /** CPU the rest of the host used in the window (other processes: builds, other benchmarks' leftovers). */
    double otherCores() {
      return Math.max(0, hostBusyCores - serverCpuCores - clientCpuCores);
    }

    /** Frames relayed per second in the window, both directions (what the client sent and got back). */
    double framesPerSecond() {
      return (sentMeasured + receivedMeasured) / (double) measureSeconds;
    }

    /** CPU time per relayed frame (one direction, one frame): the cores used divided by frames a second. */
    double serverMicrosPerFrame() {
      return serverCpuCores * 1e6 / framesPerSecond();
    }

    double clientMicrosPerFrame() {
      return clientCpuCores * 1e6 / framesPerSecond();
    }
  }

  private static final JvmActivity SERVER_JVM = JvmActivity.listen();

  @Inject
  BenchmarkEchoModel model;

  @Inject
  MeterRegistry registry;

  @Test
  void givenEchoModel_relayFramesAtEachLevel_reportsOverheadCpuAndHeap() throws Exception {
    int warmup = Integer.getInteger("benchmark.warmup-seconds", 10);
    int measure = Integer.getInteger("benchmark.measure-seconds", 20);
    List<Integer> levels = new ArrayList<>();
    for (String s : System.getProperty("benchmark.sessions", "1,100,500").split(",")) {
      levels.add(Integer.parseInt(s.trim()));
    }
    Path dir = Files.createDirectories(Path.of("target", "benchmark"));
    Instant started = Instant.now();
    // -Dbenchmark.server-cpus=0 -Dbenchmark.client-cpus=1: each JVM on its own CPUs (taskset), an emulation of a
    // load generator on another host. Reported as such; never the normal row.
    String serverCpus = System.getProperty("benchmark.server-cpus", "");
    if (!serverCpus.isBlank()) {
      Process pin = new ProcessBuilder("taskset", "-a", "-p", "-c", serverCpus,
          String.valueOf(ProcessHandle.current().pid())).redirectErrorStream(true).start();
      String out = new String(pin.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(pin.waitFor()).as("taskset of the server: %s", out).isZero();
    }

    // Warm the JIT on both sides with a run that is not reported. A fresh JVM's C2 compiler was still busy (a
    // third of a core) a minute into the run: what is measured is a relay that has been running for a while.
    // After 45 s at 100 calls the server's C2 still compiled for 3 s (0.11-0.13 cores) in a 20 s window at 500 calls;
    // after 60 s at 500 calls, for 0.7 s (0.03 cores).
    int jitWarmup = Integer.getInteger("benchmark.jit-warmup-seconds", 60);
    int jitSessions = Integer.getInteger("benchmark.jit-warmup-sessions",
        levels.stream().mapToInt(Integer::intValue).max().orElse(100));
    run(dir, "warmup", jitSessions, 10, jitWarmup);
    List<Level> results = new ArrayList<>();
    for (int n : levels) {
      // At least ~3,000 samples per direction (one call: 60 s).
      int seconds = Math.max(measure, (int) Math.ceil(3000.0 / (50.0 * n)));
      results.add(run(dir, "l" + n, n, warmup, seconds));
    }

    String report = report(started, warmup, jitSessions, jitWarmup, results);
    Files.writeString(dir.resolve("voice-relay.md"), report, StandardCharsets.UTF_8);
    System.out.println(report);
    for (Level level : results) {
      assertThat(level.clientToModel().count()).as("client->model samples at %d", level.sessions()).isPositive();
      assertThat(level.modelToClient().count()).as("model->client samples at %d", level.sessions()).isPositive();
      assertThat(level.clientToModel().p50()).as("nanoTime is comparable across the two JVMs").isPositive();
      assertThat(level.modelToClient().p50()).as("nanoTime is comparable across the two JVMs").isPositive();
    }
  }

  private Level run(Path dir, String name, int n, int warmupSeconds, int measureSeconds) throws Exception {
    StringBuilder tokens = new StringBuilder();
    for (int i = 0; i < n; i++) {
      tokens.append(VoiceTestClient.mintToken(String.format(Locale.ROOT, "bench-%s-%04d", name, i))).append('\n');
    }
    Path tokenFile = dir.resolve("tokens-" + name + ".txt");
    Files.writeString(tokenFile, tokens.toString());
    Path resultFile = dir.resolve("client-" + name + ".properties");
    Files.deleteIfExists(resultFile);
    model.reset((int) Math.min(50_000_000L, (long) n * 50 * (measureSeconds + 4)));

    long heapBefore = usedHeapAfterGc();
    long directBefore = directBytes();
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    String loadBefore = loadAverage();

    Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    String clientCpus = System.getProperty("benchmark.client-cpus", "");
    if (!clientCpus.isBlank()) {
      command.addAll(List.of("taskset", "-c", clientCpus));
    }
    // The load generator's own young collections are inside the measured latency: a young generation large enough
    // that they come every few seconds (as the server's, ADR-0014), collected by the parallel collector, whose
    // pauses on this heap were 2-7 ms where G1's were 8-18 ms.
    command.addAll(List.of(javaBinary.toString(), "-Xms2g", "-Xmx2g", "-Xmn1g", "-XX:+AlwaysPreTouch",
        "-XX:+UseParallelGC"));
    // e.g. -Dbenchmark.client-jvm-args=-XX:StartFlightRecording=filename=client.jfr,settings=profile
    for (String arg : System.getProperty("benchmark.client-jvm-args", "").split("\\s+")) {
      if (!arg.isBlank()) {
        command.add(arg.replace("{level}", name));
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.coachkit.server.voice.VoiceBenchClient",
        String.valueOf(RestAssured.port), tokenFile.toString(), String.valueOf(warmupSeconds),
        String.valueOf(measureSeconds), resultFile.toString()));
    Process client = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BlockingQueue<String> lines = lines(client);
    try {
      awaitLine(lines, "READY", STEP);
      awaitLine(lines, "MEASURE_START", STEP);
      long cpu0 = processCpuNanos();
      long[] host0 = hostTicks();
      long wall0 = System.nanoTime();
      long gc0 = gcMillis();
      SERVER_JVM.begin();
      double[] up0 = timer("client_to_model");
      double[] down0 = timer("model_to_client");
      awaitLine(lines, "MEASURE_END", STEP);
      long cpu1 = processCpuNanos();
      long[] host1 = hostTicks();
      long wall1 = System.nanoTime();
      long gc1 = gcMillis();
      JvmActivity.Window serverJvm = SERVER_JVM.end();
      double[] up1 = timer("client_to_model");
      double[] down1 = timer("model_to_client");
      awaitLine(lines, "RESULTS", STEP);

      // Every call still open (audio stopped): the heap they hold.
      Gauge active = registry.find("coach.voice.sessions.active").gauge();
      assertThat(active == null ? -1 : (int) active.value()).as("calls open in the relay").isEqualTo(n);
      long heapWith = usedHeapAfterGc();
      long directWith = directBytes();
      int threadsWith = ManagementFactory.getThreadMXBean().getThreadCount();
      String loadAfter = loadAverage();

      Writer stdin = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
      stdin.write("close\n");
      stdin.flush();
      awaitLine(lines, "CLOSED", STEP);
      assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
      VoiceTestClient.poll(() -> active.value() == 0 ? Optional.of(true) : Optional.empty(),
          Duration.ofSeconds(60), "every call of " + name + " ended");

      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(resultFile)) {
        p.load(r);
      }
      double window = wall1 - wall0;
      return new Level(n, measureSeconds, LatencyStats.of(model.clientToModel().snapshot()),
          LatencyStats.fromProperties(p, "modelToClient"), Long.parseLong(p.getProperty("sentMeasured")),
          Long.parseLong(p.getProperty("receivedMeasured")), Long.parseLong(p.getProperty("skipped")),
          p.getProperty("errors"), (cpu1 - cpu0) / window,
          Long.parseLong(p.getProperty("clientCpuNanos")) / Double.parseDouble(p.getProperty("windowNanos")),
          meanMicros(up0, up1), meanMicros(down0, down1), (heapWith - heapBefore) / n,
          (directWith - directBefore) / n, gc1 - gc0, threadsWith - threadsBefore, loadBefore, loadAfter,
          busyCores(host0, host1), window, serverJvm, JvmActivity.Window.fromProperties(p, "clientJvm"),
          p.getProperty("jvmArgs", "?"));
    } finally {
      if (client.isAlive()) {
        client.destroyForcibly();
      }
    }
  }

  private static BlockingQueue<String> lines(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          System.out.println("[bench client] " + line);
          lines.add(line);
        }
      } catch (IOException ignored) {
        // the process ended
      }
    }, "bench-client-stdout");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static void awaitLine(BlockingQueue<String> lines, String prefix, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("the benchmark client did not say " + prefix + " within " + timeout);
      }
      if (line.startsWith(prefix)) {
        return;
      }
    }
  }

  /** {count, total nanoseconds} of the relay's own frame timer. */
  private double[] timer(String direction) {
    Timer t = registry.find("coach.voice.relay.frame.latency").tag("direction", direction).timer();
    return t == null ? new double[] {0, 0} : new double[] {t.count(), t.totalTime(TimeUnit.NANOSECONDS)};
  }

  private static double meanMicros(double[] before, double[] after) {
    double count = after[0] - before[0];
    return count <= 0 ? Double.NaN : (after[1] - before[1]) / count / 1000.0;
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(300);
      min = Math.min(min, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return min;
  }

  private static long directBytes() {
    long used = 0;
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if ("direct".equals(pool.getName())) {
        used += pool.getMemoryUsed();
      }
    }
    return used;
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** {busy, total} jiffies of the whole host from /proc/stat (empty when unavailable). */
  private static long[] hostTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle + iowait
      long total = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
        total += Long.parseLong(f[i]);
      }
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[0];
    }
  }

  /** Cores busy on the whole host between two readings. */
  private static double busyCores(long[] before, long[] after) {
    if (before.length == 0 || after.length == 0 || after[1] == before[1]) {
      return Double.NaN;
    }
    return Runtime.getRuntime().availableProcessors() * (double) (after[0] - before[0]) / (after[1] - before[1]);
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " / " + f[1] + " / " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private static String report(Instant started, int warmup, int jitSessions, int jitWarmup, List<Level> results) {
    StringBuilder r = new StringBuilder();
    r.append("# Voice relay benchmark, ").append(started).append("\n\n")
        .append("CPUs: ").append(Runtime.getRuntime().availableProcessors()).append(", server JVM ")
        .append(System.getProperty("java.vm.version")).append(", max heap ")
        .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB, GC ")
        .append(ManagementFactory.getGarbageCollectorMXBeans().get(0).getName()).append(", warm-up ")
        .append(warmup).append(" s per level after an unreported ").append(jitSessions).append("-call run of ")
        .append(jitWarmup).append(" s\n\n");
    r.append("| calls | window | frames measured (sent / echoed back) | client→relay→model p50 | p90 | p99 | p99.9 "
        + "| max | model→relay→client p50 | p90 | p99 | p99.9 | max |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Level l : results) {
      LatencyStats u = l.clientToModel();
      LatencyStats d = l.modelToClient();
      r.append(String.format(Locale.ROOT, "| %d | %d s | %,d / %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
          l.sessions(), l.measureSeconds(), l.sentMeasured(), l.receivedMeasured(), LatencyStats.ms(u.p50()),
          LatencyStats.ms(u.p90()), LatencyStats.ms(u.p99()), LatencyStats.ms(u.p999()), LatencyStats.ms(u.max()),
          LatencyStats.ms(d.p50()), LatencyStats.ms(d.p90()), LatencyStats.ms(d.p99()), LatencyStats.ms(d.p999()),
          LatencyStats.ms(d.max())));
    }
    r.append("\n| calls | server CPU (cores) | per call (% of a core) | server CPU per relayed frame "
        + "| client JVM CPU (cores) | client CPU per frame | heap per call "
        + "| direct buffers per call | server GC time in window | threads added | relay-internal mean up / down "
        + "| frames skipped by client | client errors | host CPU busy (cores) | of which other processes "
        + "| load average before → after |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Level l : results) {
      r.append(String.format(Locale.ROOT,
          "| %d | %.3f | %.3f %% | %.1f µs | %.3f | %.1f µs | %s | %s | %d ms | %d | %.1f µs / %.1f µs | %d | %s | %.2f | %.2f "
              + "| %s → %s |%n",
          l.sessions(), l.serverCpuCores(), 100 * l.serverCpuCores() / l.sessions(), l.serverMicrosPerFrame(),
          l.clientCpuCores(), l.clientMicrosPerFrame(),
          kib(l.heapBytesPerSession()), kib(l.directBytesPerSession()), l.gcMillis(), l.threadsAdded(),
          l.relayMeanUpMicros(), l.relayMeanDownMicros(), l.skipped(), l.clientErrors(), l.hostBusyCores(),
          l.otherCores(), l.loadBefore(),
          l.loadAfter()));
    }
    r.append("\n| calls | server JIT compile time in window | server JIT threads (cores) | server GC pauses (count / total / "
        + "longest) | server GC threads incl. VM thread (cores) | server event loops (cores) | client JIT compile time "
        + "| client JIT threads (cores) | client GC pauses (count / total / longest) | client GC threads (cores) "
        + "| client event loops (cores) | server allocation per relayed frame | client allocation per frame |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Level l : results) {
      JvmActivity.Window s = l.serverJvm();
      JvmActivity.Window c = l.clientJvm();
      double w = l.windowNanos();
      r.append(String.format(Locale.ROOT, "| %d | %d ms | %s | %s | %s | %s | %d ms | %s | %s | %s | %s | %s | %s |%n",
          l.sessions(), s.compileMillis(), JvmActivity.Window.cores(s.jitTicks(), w), s.pausesText(),
          JvmActivity.Window.cores(s.gcTicks(), w), JvmActivity.Window.cores(s.loopTicks(), w), c.compileMillis(),
          JvmActivity.Window.cores(c.jitTicks(), w), c.pausesText(), JvmActivity.Window.cores(c.gcTicks(), w),
          JvmActivity.Window.cores(c.loopTicks(), w), perFrame(s.allocatedBytes(), l), perFrame(c.allocatedBytes(), l)));
    }
    String pinned = System.getProperty("benchmark.server-cpus", "") + System.getProperty("benchmark.client-cpus", "");
    if (!pinned.isBlank()) {
      r.append("\n**Pinned (taskset): server on CPUs ").append(System.getProperty("benchmark.server-cpus", "all"))
          .append(", client on CPUs ").append(System.getProperty("benchmark.client-cpus", "all"))
          .append(": an emulation of a load generator on another host, not the normal row.**\n");
    }
    r.append("\nServer JVM arguments: ").append(String.join(" ",
        ManagementFactory.getRuntimeMXBean().getInputArguments())).append('\n');
    if (!results.isEmpty()) {
      r.append("\nClient JVM arguments: ").append(results.get(0).clientJvmArgs()).append('\n');
    }
    return r.toString();
  }

  /** Bytes per relayed frame (both directions, as the CPU per frame). */
  private static String perFrame(long bytes, Level l) {
    double frames = l.framesPerSecond() * l.measureSeconds();
    return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f KB", bytes / frames / 1000);
  }

  private static String kib(long bytes) {
    return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }
}
