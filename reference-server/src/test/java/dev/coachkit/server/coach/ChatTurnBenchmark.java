package dev.coachkit.server.coach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapter.openai.simulator.OpenAiSimulator;
import dev.coachkit.adapter.openai.simulator.SimulatedReply;
import dev.coachkit.server.voice.JvmActivity;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Chat turns per second, latency and server overhead against the running server (PostgreSQL, the OpenAI simulator
 * answering at once with a default reply, without contract validation and without keeping every request). A
 * turn's server overhead is its latency minus the time its model calls took, measured around the OpenAI adapter
 * ({@link ModelTimeProbe}; each turn's message is unique so that its model time can be found). Not part of the
 * normal build; run with {@code ./mvnw -B -pl reference-server -am verify -Dbenchmark} (docs/benchmarks.md).
 * Writes target/benchmark/chat-turns.md. Asserts only that every turn succeeded, never a latency.
 *
 * <p>Two kinds of row ({@code -Dbenchmark.rows}, default {@code 1,16,64,16@500}):
 * <ul>
 *   <li>{@code N}: a closed loop. N users, each sending its next turn as soon as the last is answered: the
 *       server's capacity with N turns in flight. Latency here is mostly queueing (mean latency = N / rate).
 *   <li>{@code N@R}: a fixed rate. N users together offer R turns a second, each user one turn every N/R
 *       seconds on its own schedule (the users' schedules evenly staggered); a user whose turn is still running
 *       when its next one is due sends that one as soon as the last is answered, and that turn's latency is
 *       counted from when it was due, not from when it was sent (so a slow turn's effect on the turns queued
 *       behind it is measured, not hidden: no coordinated omission).
 * </ul>
 * A row prefixed {@code floor:} (e.g. {@code floor:16@500}) sends its turns to {@link FloorTurnResource} instead:
 * the least a turn can do on this stack (token check, validation, the user's message committed, one model call,
 * the reply committed), which tells what this machine allows before any coaching logic runs.
 * The load generator is a Vert.x HTTP client on one event loop of its own (test code, in the server's JVM).
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@WithTestResource(value = SimulatorResource.class, initArgs = {
    @ResourceArg(name = SimulatorResource.VALIDATING, value = "false"),
    @ResourceArg(name = SimulatorResource.RECORDING, value = "false")})
class ChatTurnBenchmark {

  private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 10));
  /**
   * The warm-up goes on past {@link #WARM_UP} in slices of this length until the JIT compilers have settled: until
   * they compiled for at most {@link #JIT_SETTLED_PERCENT} % of a slice's time (of one CPU) in every slice of one
   * whole round of the rows' shapes, or until {@link #WARM_UP_MAX}. On two CPUs the compilers need minutes to finish
   * a Quarkus server's hot code, and a row measured while they still run measures their CPU and the unoptimised
   * code, not the server's steady state.
   */
  private static final Duration WARM_UP_SLICE = Duration.ofSeconds(15);
  private static final double JIT_SETTLED_PERCENT = Double.parseDouble(
      System.getProperty("benchmark.jit-settled-percent", "1"));
  private static final Duration WARM_UP_MAX = Duration.ofSeconds(Long.getLong("benchmark.warmup-max-seconds", 600));
  private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
  /**
   * Each row runs at its load this long before its measured window opens: the rows are separated by 11 s of idle
   * (see STATS_FLUSH_MILLIS), and the first second after an idle pause measures the pause, not the row's load.
   * The lead-in's turns are reported apart (their count and p99), never mixed into the row's figures.
   */
  private static final Duration LEAD_IN = Duration.ofSeconds(Long.getLong("benchmark.lead-in-seconds", 2));
  private static final String MESSAGE = "How should I warm up before a run?";
  private static final List<Row> ROWS = Arrays.stream(System.getProperty("benchmark.rows", "1,16,64,16@500")
      .split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Row::parse).toList();
  private static final String CLIENT_THREAD = "bench-client-loop";

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

  /**
   * One row of the report: {@code users} users in a closed loop, or together offering {@code rate} turns/s; to the
   * chat endpoint, or ({@code floor}) to {@link FloorTurnResource}, the least a turn can do on this stack.
   */
  record Row(boolean floor, int users, OptionalLong rate) {
    static final String FLOOR = "floor:";

    static Row parse(String text) {
      boolean floor = text.startsWith(FLOOR);
      String spec = floor ? text.substring(FLOOR.length()) : text;
      int at = spec.indexOf('@');
      return at < 0 ? new Row(floor, Integer.parseInt(spec), OptionalLong.empty())
          : new Row(floor, Integer.parseInt(spec.substring(0, at)),
              OptionalLong.of(Long.parseLong(spec.substring(at + 1))));
    }

    String label() {
      return (floor ? "floor turn, " : "")
          + (rate.isEmpty() ? users + " (closed loop)" : users + " at " + rate.getAsLong() + " turns/s");
    }

    String path() {
      return floor ? "/bench/floor-turn" : "/api/coach/chat";
    }
  }

  @Test
  void givenInstantModel_chatTurns_throughputLatencyAndOverheadPerRow() throws Exception {
    simulator.reset();
    simulator.setDefaultReply(SimulatedReply.text("Keep going, you are doing well.").withUsage(200, 8));
    int maxUsers = ROWS.stream().mapToInt(Row::users).max().orElse(16);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    try {
      // One event loop for the whole load generator, named so that its CPU is told apart from the server's.
      CompletableFuture<Void> named = new CompletableFuture<>();
      vertx.runOnContext(v -> {
        Thread.currentThread().setName(CLIENT_THREAD);
        named.complete(null);
      });
      named.get(10, TimeUnit.SECONDS);
      HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
          .setKeepAlive(true).setMaxPoolSize(Math.max(maxUsers, 16)).setTcpNoDelay(true)
          .setDefaultHost(chat.getHost()).setDefaultPort(chat.getPort()));
      runAll(vertx, client);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    simulator.verifyNoProblems();
  }

  private void runAll(Vertx vertx, HttpClient client) throws Exception {
    CpuMeter cpu = new CpuMeter(postmasterPid());
    JvmActivity jvm = JvmActivity.listen(); // the collectors' stop-the-world pauses
    try (HostProbe host = new HostProbe(Path.of("target", "benchmark"), cpu)) {
      runRows(vertx, client, cpu, jvm, host);
    }
  }

  private void runRows(Vertx vertx, HttpClient client, CpuMeter cpu, JvmActivity jvm, HostProbe host)
      throws Exception {
    StringBuilder report = new StringBuilder();
    StringBuilder cpuReport = new StringBuilder();
    StringBuilder tails = new StringBuilder();
    report.append("| users | turns | turns/s | late starts | latency p50 | latency p99 | mean model call"
            + " | overhead p50 | overhead p90 | overhead p99 | overhead max |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    cpuReport.append("| users | JVM CPU per turn (server + client + simulator) | GC pause time per turn (wall)"
            + " | JIT compiling during the row | PostgreSQL CPU per turn | PostgreSQL commits per turn"
            + " | busiest JVM thread groups, ms per turn | PostgreSQL CPU by process, ms per turn |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    // Every row's users are made now, before the warm-up: making them just before a row (through REST Assured, as
    // until session 5) burst CPU, class loading and JIT compilation into that row's first second.
    List<List<String>> usersPerRow = new ArrayList<>();
    for (Row row : ROWS) {
      usersPerRow.add(mintUsers(vertx, client, row.users()));
    }
    if (ROWS.stream().anyMatch(Row::floor)) {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute(FloorTurnResource.TABLE_DDL);
      }
      run(vertx, client, new Row(true, 16, OptionalLong.empty()), mintUsers(vertx, client, 16), Duration.ZERO,
          WARM_UP.dividedBy(3));
    }
    String warmUp = warmUp(vertx, client, jvm) + checkpoint();
    Thread.sleep(STATS_FLUSH_MILLIS);
    for (int r = 0; r < ROWS.size(); r++) {
      Row row = ROWS.get(r);
      List<String> tokens = usersPerRow.get(r);
      DatabaseCounters databaseBefore = databaseCounters();
      CpuMeter.Reading before = cpu.read();
      jvm.begin();
      Result result = run(vertx, client, row, tokens, LEAD_IN, MEASURE);
      JvmActivity.Window activity = jvm.end();
      CpuMeter.Spent spent = CpuMeter.between(before, cpu.read());
      Thread.sleep(STATS_FLUSH_MILLIS);
      int turns = Math.max(1, result.turns() + result.leadInOverheads.size()); // the meters cover the lead-in too
      DatabaseCounters database = databaseCounters().since(databaseBefore);
      double commitsPerTurn = (double) database.commits() / turns;
      cpuReport.append(String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %,d ms | %s | %.1f | %s | %s |%n",
          row.label(), spent.processNanos() / 1e6 / turns, (double) activity.pauseMillis() / turns,
          activity.compileMillis(),
          spent.postgresNanos().isPresent()
              ? String.format(Locale.ROOT, "%.2f ms", spent.postgresNanos().getAsLong() / 1e6 / turns)
              : "not measured",
          commitsPerTurn, spent.topGroups(8, turns), spent.postgresKinds(turns)));
      report.append(String.format(Locale.ROOT,
          "| %s | %,d | %.0f | %s | %.1f ms | %.1f ms | %.2f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n",
          row.label(), result.turns(), result.turns() / (result.elapsedNanos / 1e9),
          row.rate().isEmpty() ? "n/a"
              : String.format(Locale.ROOT, "%.1f %%", 100.0 * result.lateStarts.get() / Math.max(1, result.turns())),
          ms(Result.percentile(result.latencies, 50)), ms(Result.percentile(result.latencies, 99)),
          ms(result.meanModelNanos()),
          ms(Result.percentile(result.overheads, 50)), ms(Result.percentile(result.overheads, 90)),
          ms(Result.percentile(result.overheads, 99)), ms(Result.percentile(result.overheads, 100))));
      tails.append("- ").append(row.label()).append(" (from ").append(result.startedAt).append("): ")
          .append(result.slowestPerSecond()).append(result.leadIn())
          .append(String.format(Locale.ROOT, "; PostgreSQL during the row and the 11 s after: %d autovacuum"
                  + " and %d autoanalyze runs finished, %d checkpoints", database.autovacuums(),
              database.autoanalyzes(), database.checkpoints()))
          .append(String.format(Locale.ROOT, "; WAL %.1f KiB per turn, %.2f full-page images per turn, %.2f WAL"
                  + " flushes (fsync) per turn", database.walBytes() / 1024.0 / turns,
              (double) database.walFullPageImages() / turns, (double) database.walSyncs() / turns))
          .append("; data pages written per turn: ").append(database.writesPerTurn(turns))
          .append("; host: ").append(host.perSecond(result.startNanos, result.seconds()))
          .append('\n');
      assertThat(result.failures.get()).as("failed turns in row " + row.label()).isZero();
      assertThat(result.turns()).as("turns in row " + row.label()).isPositive();
    }
    String text = "Chat-turn benchmark " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
        + " CPUs, load " + loadAverage() + ", " + databaseDescription() + "; " + warmUp + "\n\n" + report + "\n"
        + cpuReport + "\n" + tails;
    System.out.println(text);
    Path out = Path.of("target", "benchmark", "chat-turns.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
  }

  /**
   * A 16-user closed loop (JIT compilation, connection pools, caches) for {@link #WARM_UP}; then slices of
   * {@link #WARM_UP_SLICE} that take the rows' shapes in turn (every distinct number of users and rate), since a
   * shape the JIT has not seen (64 users' contention, a fixed rate's timers) makes it compile and deoptimise again,
   * until the compilers have settled over one whole round of shapes or {@link #WARM_UP_MAX} has passed. Every slice
   * has new users of its own, as every row has, made through the load generator's client.
   * Says how long it ran and how busy the compilers were at its end ({@code jvm}'s compile time per slice).
   */
  private String warmUp(Vertx vertx, HttpClient client, JvmActivity jvm) throws Exception {
    List<Row> shapes = ROWS.stream().filter(row -> !row.floor()).map(row -> new Row(false, row.users(), row.rate()))
        .distinct().toList();
    long started = System.nanoTime();
    run(vertx, client, new Row(false, 16, OptionalLong.empty()), mintUsers(vertx, client, 16), Duration.ZERO, WARM_UP);
    long settledMillis = (long) (JIT_SETTLED_PERCENT / 100 * WARM_UP_SLICE.toMillis());
    int calmInARow = 0; // consecutive slices in which the compilers stayed under the threshold
    List<Long> lastRound = new ArrayList<>();
    int slice = 0;
    while (calmInARow < shapes.size()
        && System.nanoTime() - started + WARM_UP_SLICE.toNanos() <= WARM_UP_MAX.toNanos()) {
      Row shape = shapes.get(slice++ % shapes.size());
      List<String> users = mintUsers(vertx, client, shape.users());
      jvm.begin();
      run(vertx, client, shape, users, Duration.ZERO, WARM_UP_SLICE);
      long jitMillis = jvm.end().compileMillis();
      calmInARow = jitMillis <= settledMillis ? calmInARow + 1 : 0;
      lastRound.add(jitMillis);
      if (lastRound.size() > shapes.size()) {
        lastRound.remove(0);
      }
    }
    long worstOfLastRound = lastRound.stream().mapToLong(Long::longValue).max().orElse(0);
    return String.format(Locale.ROOT, "warm-up %d s (16 users closed loop for %d s, then %d slices of %d s taking"
            + " the rows' %d shapes in turn), the JIT compilers %s: at most %d ms of compiling in a slice of its last"
            + " round of %d", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), WARM_UP.toSeconds(), slice,
        WARM_UP_SLICE.toSeconds(), shapes.size(),
        calmInARow >= shapes.size() ? "settled" : "NOT settled (stopped at -Dbenchmark.warmup-max-seconds)",
        worstOfLastRound, lastRound.size());
  }

  /**
   * A checkpoint after the warm-up, as a long-running server has had: the WAL segments the warm-up filled become
   * reusable (ADR-0017), so the rows do not create new ones, which a fresh cluster does (each is zero-filled and
   * flushed while every commit waits). Needs a superuser; the embedded cluster's is.
   */
  private String checkpoint() {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT");
      return "; a checkpoint after the warm-up";
    } catch (SQLException e) {
      return "; no checkpoint after the warm-up (" + e.getMessage() + ")";
    }
  }

  /**
   * Bearer tokens of {@code count} new users from the local issuer, asked for through the load generator's client
   * (no REST Assured: made between warm-up slices, its Groovy would burst CPU and JIT compilation).
   *
   * <p>Each request is made on the client's event loop, as the turns are. Built from this (test) thread, the chain's
   * last step ({@code response.body()}) could be attached after the response had already arrived, when this thread
   * was descheduled between building two steps on a busy host: Vert.x then hands the late step to the event loop,
   * which has by then passed the body on to nobody, and the step reads an empty body. That made two benchmark runs
   * fail in their warm-up ("No content to map" for a 200 answer): session 8's 03:55 run and session 9's 06:59 run.
   */
  private List<String> mintUsers(Vertx vertx, HttpClient client, int count) throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String body = new JsonObject().put("user", "bench-" + UUID.randomUUID().toString().substring(0, 8)).encode();
      CompletableFuture<Buffer> answered = new CompletableFuture<>();
      vertx.runOnContext(v -> client.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/local/tokens")
              .putHeader("Content-Type", "application/json"))
          .compose(request -> request.send(Buffer.buffer(body)))
          .compose(response -> response.statusCode() == 200 ? response.body()
              : Future.failedFuture("POST /local/tokens answered " + response.statusCode()))
          .onComplete(result -> {
            if (result.succeeded()) {
              answered.complete(result.result());
            } else {
              answered.completeExceptionally(result.cause());
            }
          }));
      JsonObject minted = new JsonObject(answered.get(10, TimeUnit.SECONDS));
      assertThat(minted.getString("tokenType")).as("token type from POST /local/tokens").isEqualTo("Bearer");
      tokens.add(minted.getString("accessToken"));
    }
    return tokens;
  }

  /**
   * Runs {@code row}'s load for {@code leadIn} and then {@code duration}; only turns due in the second part count in
   * the row's figures (the lead-in's are kept apart in the result).
   */
  private Result run(Vertx vertx, HttpClient client, Row row, List<String> tokens, Duration leadIn, Duration duration)
      throws Exception {
    Result result = new Result();
    long start = System.nanoTime();
    result.startNanos = start + leadIn.toNanos();
    result.startedAt = Instant.now().plus(leadIn);
    long end = result.startNanos + duration.toNanos();
    // A user's period at a fixed rate: users / rate seconds; the users' first turns are staggered over one period.
    long period = row.rate().isPresent() ? tokens.size() * 1_000_000_000L / row.rate().getAsLong() : 0;
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      CompletableFuture<Void> userDone = new CompletableFuture<>();
      done.add(userDone);
      User user = new User(vertx, client, row.path(), tokens.get(i), period, end, result, userDone);
      long firstDue = start + (period == 0 ? 0 : period * i / tokens.size());
      vertx.runOnContext(v -> user.sendAt(firstDue));
    }
    CompletableFuture.allOf(done.toArray(CompletableFuture[]::new))
        .get(leadIn.toSeconds() + duration.toSeconds() + 120, TimeUnit.SECONDS);
    result.elapsedNanos = System.nanoTime() - result.startNanos;
    Collections.sort(result.latencies);
    Collections.sort(result.overheads);
    return result;
  }

  /** One virtual user: one turn at a time, each on the event loop of the load generator. */
  private final class User {
    private final Vertx vertx;
    private final HttpClient client;
    private final String path;
    private final String authorization;
    private final long period;
    private final long end;
    private final Result result;
    private final CompletableFuture<Void> done;

    User(Vertx vertx, HttpClient client, String path, String token, long period, long end, Result result,
        CompletableFuture<Void> done) {
      this.vertx = vertx;
      this.client = client;
      this.path = path;
      this.authorization = "Bearer " + token;
      this.period = period;
      this.end = end;
      this.result = result;
      this.done = done;
    }

    /** Sends the turn due at {@code due} (nanoTime): now if it is due, else on a timer that fires no later. */
    void sendAt(long due) {
      if (due >= end) {
        done.complete(null);
        return;
      }
      long wait = TimeUnit.NANOSECONDS.toMillis(due - System.nanoTime()); // rounded down: never late by the timer
      if (wait >= 1) {
        vertx.setTimer(wait, id -> send(due));
      } else {
        send(due);
      }
    }

    private void send(long due) {
      String message = MESSAGE + " #" + turnNumbers.incrementAndGet();
      long sent = System.nanoTime();
      // Latency counts from when the turn was due, or from when it was sent if the timer fired a little early.
      long from = Math.min(due, sent);
      if (period > 0 && sent - due > 1_000_000 && from >= result.startNanos) {
        result.lateStarts.incrementAndGet(); // the previous turn ran past this one's slot
      }
      client.request(new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
              .putHeader("Authorization", authorization).putHeader("Content-Type", "application/json"))
          .compose(request -> request.send(Buffer.buffer("{\"message\":\"" + message + "\"}")))
          .compose(response -> response.body().map(body -> response.statusCode()))
          .onComplete(outcome -> {
            long latency = System.nanoTime() - from;
            if (outcome.succeeded() && outcome.result() == 200) {
              result.add(latency, modelTime.takeNanos(message), from);
            } else {
              result.failures.incrementAndGet();
            }
            sendAt(period == 0 ? System.nanoTime() : due + period);
          });
    }
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

  /**
   * The server's database counters at one moment: transactions committed (all of its sessions, this benchmark's
   * few included), autovacuum and autoanalyze runs over its tables, WAL written (bytes, full-page images and flushes to
   * the disk, the whole cluster: PostgreSQL 14 and later), checkpoints (PostgreSQL 17 counts them in pg_stat_checkpointer, earlier
   * versions in pg_stat_bgwriter), and data pages written out of shared buffers into the kernel's page cache, by
   * whom (pg_stat_io, PostgreSQL 16 and later; -1 before): by client backends and autovacuum workers evicting a
   * dirty buffer to make room, by the background writer, or by the checkpointer.
   */
  private record DatabaseCounters(long commits, long autovacuums, long autoanalyzes, long checkpoints, long walBytes,
      long walFullPageImages, long walSyncs, long backendWrites, long bgwriterWrites, long checkpointerWrites) {
    DatabaseCounters since(DatabaseCounters earlier) {
      return new DatabaseCounters(commits - earlier.commits, autovacuums - earlier.autovacuums,
          autoanalyzes - earlier.autoanalyzes, checkpoints - earlier.checkpoints, walBytes - earlier.walBytes,
          walFullPageImages - earlier.walFullPageImages, walSyncs - earlier.walSyncs,
          backendWrites - earlier.backendWrites,
          bgwriterWrites - earlier.bgwriterWrites, checkpointerWrites - earlier.checkpointerWrites);
    }

    String writesPerTurn(int turns) {
      return backendWrites < 0 ? "not counted before PostgreSQL 16" : String.format(Locale.ROOT,
          "%.2f by backends, %.2f by the background writer, %.2f by the checkpointer",
          (double) backendWrites / turns, (double) bgwriterWrites / turns, (double) checkpointerWrites / turns);
    }
  }

  private DatabaseCounters databaseCounters() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      int major = connection.getMetaData().getDatabaseMajorVersion();
      String checkpoints = major >= 17
          ? "SELECT num_timed + num_requested FROM pg_stat_checkpointer"
          : "SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter";
      String writes = major >= 16 ? "SELECT coalesce(sum(writes) FILTER (WHERE backend_type IN ('client backend',"
          + " 'autovacuum worker')), 0), coalesce(sum(writes) FILTER (WHERE backend_type = 'background writer'), 0),"
          + " coalesce(sum(writes) FILTER (WHERE backend_type = 'checkpointer'), 0) FROM pg_stat_io"
          : "SELECT -1, -1, -1";
      try (ResultSet rows = statement.executeQuery("SELECT"
          + " (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()),"
          + " (SELECT coalesce(sum(autovacuum_count), 0) FROM pg_stat_user_tables),"
          + " (SELECT coalesce(sum(autoanalyze_count), 0) FROM pg_stat_user_tables),"
          + " (" + checkpoints + "),"
          + " wal.wal_bytes, wal.wal_fpi, wal.wal_sync, w.*"
          + " FROM pg_stat_wal AS wal, (" + writes + ") AS w")) {
        rows.next();
        return new DatabaseCounters(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
            rows.getLong(5), rows.getLong(6), rows.getLong(7), rows.getLong(8), rows.getLong(9), rows.getLong(10));
      }
    }
  }

  /**
   * The database's size at the end and its shared buffers: once the tables and indexes the turns write to outgrow
   * the shared buffers, backends evict dirty pages into the kernel's page cache (see the data pages written).
   */
  private String databaseDescription() {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database())),"
            + " current_setting('shared_buffers'), version()")) {
      rows.next();
      return "database " + rows.getString(1) + " at the end, shared_buffers " + rows.getString(2) + ", "
          + rows.getString(3).split(" on ")[0];
    } catch (SQLException e) {
      return "database not described: " + e.getMessage();
    }
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
    final AtomicInteger lateStarts = new AtomicInteger();
    /** Per turn: when it was due (or sent), nanoseconds after the row's start, and its overhead. */
    final List<long[]> timeline = new ArrayList<>();
    /** Overheads of the turns due during the lead-in, before the measured window (not in any other figure). */
    final List<Long> leadInOverheads = new ArrayList<>();
    long startNanos;
    Instant startedAt;
    long modelNanos;
    long elapsedNanos;

    synchronized void add(long latencyNanos, long modelCallNanos, long fromNanos) {
      if (fromNanos < startNanos) {
        leadInOverheads.add(latencyNanos - modelCallNanos); // due before the measured window opened
        return;
      }
      latencies.add(latencyNanos);
      overheads.add(latencyNanos - modelCallNanos);
      timeline.add(new long[] {fromNanos - startNanos, latencyNanos - modelCallNanos});
      modelNanos += modelCallNanos;
    }

    /**
     * How the turns at or above the p99 overhead fall over the row, per second of the row: clustered in a few
     * seconds means stalls (something held many turns at once), spread evenly means each slow turn was slow alone.
     */
    String slowestPerSecond() {
      long threshold = percentile(overheads, 99);
      int seconds = seconds();
      int[] counts = new int[seconds];
      for (long[] turn : timeline) {
        if (turn[1] >= threshold) {
          counts[(int) Math.min(seconds - 1, Math.max(0, turn[0] / 1_000_000_000L))]++;
        }
      }
      StringBuilder text = new StringBuilder();
      for (int count : counts) {
        text.append(text.length() == 0 ? "" : " ").append(count);
      }
      return String.format(Locale.ROOT, "turns with overhead >= p99 (%.1f ms) per second of the row: %s",
          threshold / 1e6, text);
    }

    /** The lead-in's turns, apart from the row's: how many, and their p99 overhead. */
    synchronized String leadIn() {
      if (leadInOverheads.isEmpty()) {
        return "";
      }
      List<Long> sorted = new ArrayList<>(leadInOverheads);
      Collections.sort(sorted);
      return String.format(Locale.ROOT, "; lead-in before the window (not counted above): %d turns, overhead p99"
          + " %.1f ms", sorted.size(), percentile(sorted, 99) / 1e6);
    }

    /** The row's length in whole seconds, its last partial second included. */
    int seconds() {
      return (int) Math.max(1, elapsedNanos / 1_000_000_000L + 1);
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
