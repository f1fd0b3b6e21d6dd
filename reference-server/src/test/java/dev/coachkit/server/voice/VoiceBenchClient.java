package dev.coachkit.server.voice;

import io.netty.channel.EventLoop;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.impl.ContextInternal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay benchmark's load generator, run by {@link VoiceRelayBenchmark} in its own JVM (so that the server's
 * CPU and heap figures are the server's alone). Vert.x WebSocket client (the JDK's {@code java.net.http.WebSocket},
 * used before, cost more CPU per frame than the relay itself): every call's frames are written and read on the
 * event loop that owns its socket, with no hand-over between threads.
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
    JvmActivity jvm = JvmActivity.listen();
    int n = tokens.size();
    samples = new long[(int) Math.min(Integer.MAX_VALUE - 8, (long) n * 50 * (measureSeconds + 2))];
    // One event loop per core of this 2-core host (-Dbenchmark.client-event-loops); no worker threads are needed.
    Vertx vertx = Vertx.vertx(new VertxOptions()
        .setEventLoopPoolSize(Integer.getInteger("benchmark.client-event-loops", 2)).setWorkerPoolSize(1)
        .setBlockedThreadCheckInterval(10_000));
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(Math.max(50, n)).setConnectTimeout(30_000));
    List<Call> calls = new ArrayList<>();
    Semaphore connecting = new Semaphore(16);
    for (int i = 0; i < n; i++) {
      connecting.acquire();
      Call call = new Call(i);
      calls.add(call);
      call.connect(client, port, tokens.get(i));
      call.ready.whenComplete((ok, failure) -> connecting.release());
    }
    for (Call call : calls) {
      call.ready.get(120, TimeUnit.SECONDS);
    }
    say("READY " + n);

    long begin = System.nanoTime() + 100_000_000L;
    measureStart = begin + TimeUnit.SECONDS.toNanos(warmupSeconds);
    measureEnd = measureStart + TimeUnit.SECONDS.toNanos(measureSeconds);
    for (Call call : calls) {
      call.startStreaming(begin + call.index * FRAME_NANOS / n);
    }
    sleepUntil(measureStart);
    long cpu0 = processCpuNanos();
    jvm.begin();
    say("MEASURE_START");
    sleepUntil(measureEnd);
    long cpu1 = processCpuNanos();
    JvmActivity.Window activity = jvm.end();
    say("MEASURE_END");
    for (Call call : calls) {
      call.stopStreaming();
    }
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
        .append("jvmArgs=").append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()))
        .append('\n')
        .append(activity.toProperties("clientJvm"))
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
      closing.add(call.socket.close((short) 1000, "benchmark done").toCompletionStage().toCompletableFuture()
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

  /** One relay call; after the connect, everything of it runs on its socket's event loop. */
  private final class Call {
    final int index;
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    volatile ClientWebSocket socket;
    private volatile EventLoop loop;
    private volatile ScheduledFuture<?> streaming;
    private int sequence;
    private long lastSentNanos;

    Call(int index) {
      this.index = index;
    }

    void connect(WebSocketClient client, int port, String token) {
      ClientWebSocket ws = client.webSocket();
      ws.textMessageHandler(this::onText);
      ws.binaryMessageHandler(this::onBinary);
      ws.closeHandler(v -> {
        if (!ready.isDone()) {
          ready.completeExceptionally(new IllegalStateException("closed " + ws.closeStatusCode() + " "
              + ws.closeReason()));
        }
      });
      ws.exceptionHandler(ready::completeExceptionally);
      socket = ws;
      ws.connect(new WebSocketConnectOptions().setHost("localhost").setPort(port)
          .setURI("/ws/coach/voice?session=new").addHeader("Authorization", "Bearer " + token))
          .onComplete(result -> {
            if (result.failed()) {
              ready.completeExceptionally(result.cause());
            } else {
              // The socket's own event loop: frames are written from it, with no hand-over.
              loop = ((ContextInternal) Vertx.currentContext()).nettyEventLoop();
            }
          });
    }

    void startStreaming(long firstAtNanos) {
      streaming = loop.scheduleAtFixedRate(this::sendFrame, Math.max(0, firstAtNanos - System.nanoTime()),
          FRAME_NANOS, TimeUnit.NANOSECONDS);
    }

    void stopStreaming() {
      streaming.cancel(false);
    }

    /** Every 20 ms on the socket's event loop. */
    void sendFrame() {
      long now = System.nanoTime();
      if (now >= measureEnd) {
        return;
      }
      if (socket.writeQueueFull() || now - lastSentNanos < FRAME_NANOS / 2) {
        // The socket is backed up, or this is a late timer catching up: a real-time source does not burst.
        skipped.incrementAndGet();
        return;
      }
      lastSentNanos = now;
      boolean measured = now >= measureStart;
      socket.writeBinaryMessage(Buffer.buffer(BenchFrame.create(System.nanoTime(), measured, index, sequence++)));
      sent.incrementAndGet();
      if (measured) {
        sentMeasured.incrementAndGet();
      }
    }

    private void onText(String message) {
      if (message.contains("\"type\":\"session_ready\"")) {
        ready.complete(null);
      } else if (message.contains("\"type\":\"error\"")) {
        int at = message.indexOf("\"code\":\"");
        String code = at < 0 ? "?" : message.substring(at + 8, message.indexOf('"', at + 8));
        errors.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
        if (!ready.isDone()) {
          ready.completeExceptionally(new IllegalStateException("call " + index + ": " + message));
        }
      }
    }

    private void onBinary(Buffer message) {
      long now = System.nanoTime();
      ByteBuffer data = message.getByteBuf().nioBuffer();
      if (BenchFrame.isBenchFrame(data) && BenchFrame.measured(data)) {
        int i = sampleCount.getAndIncrement();
        if (i < samples.length) {
          samples[i] = now - BenchFrame.sentNanos(data);
        }
        receivedMeasured.incrementAndGet();
      }
      received.incrementAndGet();
    }
  }
}
