package dev.coachkit.server.voice;

import dev.coachkit.ports.model.json.JsonValue;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.realtime.Pcm16Audio;
import dev.coachkit.ports.model.realtime.RealtimeEvent;
import dev.coachkit.ports.model.realtime.RealtimeSessionConfig;
import dev.coachkit.ports.out.realtime.RealtimeConnection;
import dev.coachkit.ports.out.realtime.RealtimeEventListener;
import dev.coachkit.ports.out.realtime.RealtimeModel;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay benchmark's upstream model, in process: it takes the send time out of each benchmark frame
 * ({@link BenchFrame}) to measure client -> relay -> model, and echoes the frame at once as an assistant audio
 * chunk stamped with the time it leaves the model (measured model -> relay -> client by the benchmark client).
 * No model work, no network: what is measured is the relay (WebSocket endpoint, relay, domain call mailbox).
 *
 * <p>Enabled only by {@link VoiceRelayBenchmark}'s test profile.
 */
@Alternative
@Singleton
public class BenchmarkEchoModel implements RealtimeModel {
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicLong framesIn = new AtomicLong();
  private volatile Samples clientToModel = new Samples(1);

  /** Starts a new measurement: client-to-model samples of flagged frames go into a fresh buffer. */
  void reset(int capacity) {
    clientToModel = new Samples(capacity);
    framesIn.set(0);
  }

  Samples clientToModel() {
    return clientToModel;
  }

  long framesIn() {
    return framesIn.get();
  }

  int connectionsOpened() {
    return connections.get();
  }

  @Override
  public CompletionStage<RealtimeConnection> open(RealtimeSessionConfig config, RealtimeEventListener listener) {
    return CompletableFuture.completedFuture(new Echo(listener, "item_bench_" + connections.incrementAndGet()));
  }

  @Override
  public CompletionStage<RealtimeConnection> attach(String callId, RealtimeSessionConfig config,
      RealtimeEventListener listener) {
    return CompletableFuture.failedFuture(new ModelFailure(ModelFailure.Kind.REJECTED_REQUEST, "benchmark",
        "the benchmark model does not attach to WebRTC calls"));
  }

  /** A fixed-capacity, thread-safe list of nanosecond samples (the excess is counted, not stored). */
  static final class Samples {
    private final long[] values;
    private final AtomicInteger next = new AtomicInteger();

    Samples(int capacity) {
      values = new long[capacity];
    }

    void add(long nanos) {
      int i = next.getAndIncrement();
      if (i < values.length) {
        values[i] = nanos;
      }
    }

    long[] snapshot() {
      int n = Math.min(next.get(), values.length);
      long[] copy = new long[n];
      System.arraycopy(values, 0, copy, 0, n);
      return copy;
    }
  }

  /** One upstream "session": echoes audio, ignores everything else. */
  private final class Echo implements RealtimeConnection {
    private final RealtimeEventListener listener;
    private final String itemId;
    private volatile boolean closed;

    Echo(RealtimeEventListener listener, String itemId) {
      this.listener = listener;
      this.itemId = itemId;
    }

    @Override
    public void sendAudio(Pcm16Audio audio) {
      long arrived = System.nanoTime();
      ByteBuffer in = audio.asByteBuffer();
      if (closed || !BenchFrame.isBenchFrame(in)) {
        return;
      }
      framesIn.incrementAndGet();
      if (BenchFrame.measured(in)) {
        clientToModel.add(arrived - BenchFrame.sentNanos(in));
      }
      // The echo is new audio, as a real adapter decodes each chunk into a new value: one array, handed over to
      // the value (no second copy), stamped in place.
      byte[] echo = new byte[audio.length()];
      in.get(echo);
      BenchFrame.stamp(echo, System.nanoTime());
      listener.onEvent(new RealtimeEvent.AudioChunk("resp_bench", itemId, 0, Pcm16Audio.handedOver(echo),
          Instant.now()));
    }

    @Override
    public void commitAudio() {
    }

    @Override
    public void clearAudio() {
    }

    @Override
    public void createResponse() {
    }

    @Override
    public void createResponse(String instructions) {
    }

    @Override
    public void cancelResponse() {
    }

    @Override
    public void truncate(String itemId, int contentIndex, long audioEndMs) {
    }

    @Override
    public void sendToolOutput(String callId, JsonValue output) {
    }

    @Override
    public void sendText(String text) {
    }

    @Override
    public void updateSession(RealtimeSessionConfig config) {
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        listener.onEvent(new RealtimeEvent.Closed("closed by the server", false, Instant.now()));
      }
    }
  }
}
