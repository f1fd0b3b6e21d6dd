package dev.coachkit.server.voice;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay benchmark's load generator, run by {@link VoiceRelayBenchmark} in its own JVM (so that the server's
 * CPU and heap figures are the server's alone). JDK only.
 *
 * <p>Opens one relay call per bearer token ({@code /ws/coach/voice?session=new}), waits for every
 * {@code session_ready}, then streams a {@link BenchFrame} every 20 ms on every call (staggered across the 20 ms),
 * for a warm-up and then a measured window, and measures model -> relay -> client for each echoed frame of the
 * window. Talks to the parent over stdout ({@code READY}, {@code MEASURE_START}, {@code MEASURE_END},
 * {@code RESULTS}, {@code CLOSED}) and stdin ({@code close}).
 *
 * <p>Arguments: port, tokens file (one per line), warm-up seconds, measured seconds, result file.
 */
public final class VoiceBenchClient {
  private static final long FRAME_NANOS = 20_000_000L;

  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong sentMeasured = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong receivedMeasured = new AtomicLong();
  private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
  private long[] samples;
  private final AtomicInteger sampleCount = new AtomicInteger();
  private volatile long measureStart = Long.MAX_VALUE;
  private volatile long measureEnd = Long.MAX_VALUE;

  private VoiceBenchClient() {
  }

  public static void main(String[] args) throws Exception {
    new VoiceBenchClient().run(Integer.parseInt(args[0]), Files.readAllLines(Path.of(args[1])),
        Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
  }

  private void run(int port, List<String> tokens, int warmupSeconds, int measureSeconds, Path out)
      throws Exception {
    int n = tokens.size();
    samples = new long[(int) Math.min(Integer.MAX_VALUE - 8, (long) n * 50 * (measureSeconds + 2))];
    // A few HTTP clients, so that one selector thread does not carry every socket.
    HttpClient[] clients = new HttpClient[Math.max(1, Math.min(4, n / 100 + 1))];
    for (int i = 0; i < clients.length; i++) {
      clients[i] = HttpClient.newHttpClient();
    }
    List<Call> calls = new ArrayList<>();
    Semaphore connecting = new Semaphore(16);
    for (int i = 0; i < n; i++) {
      connecting.acquire();
      Call call = new Call(i);
      calls.add(call);
      clients[i % clients.length].newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + tokens.get(i))
          .buildAsync(URI.create("ws://localhost:" + port + "/ws/coach/voice?session=new"), call.listener)
          .whenComplete((ws, failure) -> {
            if (failure != null) {
              call.ready.completeExceptionally(failure);
            } else {
              call.socket = ws;
            }
          });
      call.ready.whenComplete((ok, failure) -> connecting.release());
    }
    for (Call call : calls) {
      call.ready.get(120, TimeUnit.SECONDS);
    }
    say("READY " + n);

    ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    long begin = System.nanoTime() + 100_000_000L;
    measureStart = begin + TimeUnit.SECONDS.toNanos(warmupSeconds);
    measureEnd = measureStart + TimeUnit.SECONDS.toNanos(measureSeconds);
    for (Call call : calls) {
      long offset = begin + call.index * FRAME_NANOS / n - System.nanoTime();
      timer.scheduleAtFixedRate(call::sendFrame, Math.max(0, offset), FRAME_NANOS, TimeUnit.NANOSECONDS);
    }
    sleepUntil(measureStart);
    long cpu0 = processCpuNanos();
    say("MEASURE_START");
    sleepUntil(measureEnd);
    long cpu1 = processCpuNanos();
    say("MEASURE_END");
    timer.shutdownNow();
    Thread.sleep(2_000); // echoes of the last frames
    long[] s = new long[Math.min(sampleCount.get(), samples.length)];
    System.arraycopy(samples, 0, s, 0, s.length);
    StringBuilder result = new StringBuilder();
    result.append("sessions=").append(n).append('\n')
        .append("sent=").append(sent.get()).append('\n')
        .append("sentMeasured=").append(sentMeasured.get()).append('\n')
        .append("skipped=").append(skipped.get()).append('\n')
        .append("received=").append(received.get()).append('\n')
        .append("receivedMeasured=").append(receivedMeasured.get()).append('\n')
        .append("errors=").append(errors).append('\n')
        .append("clientCpuNanos=").append(cpu1 - cpu0).append('\n')
        .append("windowNanos=").append(measureEnd - measureStart).append('\n')
        .append(LatencyStats.of(s).toProperties("modelToClient"));
    Files.writeString(out, result.toString(), StandardCharsets.UTF_8);
    say("RESULTS");

    BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = stdin.readLine()) != null && !line.trim().equals("close")) {
      // wait for the parent to take its heap reading with every call open
    }
    List<CompletableFuture<?>> closing = new ArrayList<>();
    for (Call call : calls) {
      closing.add(call.socket.sendClose(WebSocket.NORMAL_CLOSURE, "benchmark done").toCompletableFuture()
          .exceptionally(e -> null));
    }
    CompletableFuture.allOf(closing.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
    Thread.sleep(500);
    say("CLOSED");
    System.exit(0);
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    long wait;
    while ((wait = nanos - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(Math.min(wait, 100_000_000L));
    }
  }

  /** One relay call. */
  private final class Call {
    final int index;
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    final Listener listener = new Listener(this);
    volatile WebSocket socket;
    private CompletableFuture<WebSocket> pending = CompletableFuture.completedFuture(null);
    private int sequence;

    Call(int index) {
      this.index = index;
    }

    /** Called every 20 ms by the timer (never twice at once for one call). */
    void sendFrame() {
      long now = System.nanoTime();
      if (now >= measureEnd) {
        return;
      }
      if (!pending.isDone()) {
        skipped.incrementAndGet(); // the previous frame is still being written: the socket is backed up
        return;
      }
      boolean measured = now >= measureStart;
      byte[] frame = BenchFrame.create(System.nanoTime(), measured, index, sequence++);
      pending = socket.sendBinary(ByteBuffer.wrap(frame), true);
      sent.incrementAndGet();
      if (measured) {
        sentMeasured.incrementAndGet();
      }
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final Call call;
    private final StringBuilder text = new StringBuilder();
    private boolean inBinary;

    Listener(Call call) {
      this.call = call;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String message = text.toString();
        text.setLength(0);
        if (message.contains("\"type\":\"session_ready\"")) {
          call.ready.complete(null);
        } else if (message.contains("\"type\":\"error\"")) {
          int at = message.indexOf("\"code\":\"");
          String code = at < 0 ? "?" : message.substring(at + 8, message.indexOf('"', at + 8));
          errors.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
          if (!call.ready.isDone()) {
            call.ready.completeExceptionally(new IllegalStateException("call " + call.index + ": " + message));
          }
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      long now = System.nanoTime();
      if (!inBinary && BenchFrame.isBenchFrame(data) && BenchFrame.measured(data)) {
        int i = sampleCount.getAndIncrement();
        if (i < samples.length) {
          samples[i] = now - BenchFrame.sentNanos(data);
        }
        receivedMeasured.incrementAndGet();
      }
      inBinary = !last;
      if (last) {
        received.incrementAndGet();
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      if (!call.ready.isDone()) {
        call.ready.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
      }
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      call.ready.completeExceptionally(error);
    }
  }
}
