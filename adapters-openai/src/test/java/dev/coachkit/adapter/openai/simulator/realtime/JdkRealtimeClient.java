package dev.coachkit.adapter.openai.simulator.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** A bare JDK WebSocket client for testing the simulator itself: sends JSON text, collects server events. */
final class JdkRealtimeClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final List<JsonNode> received = new CopyOnWriteArrayList<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final Object monitor = new Object();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket ws;

  static JdkRealtimeClient connect(URI uri, Map<String, String> headers, String... subprotocols) {
    JdkRealtimeClient c = new JdkRealtimeClient();
    WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    headers.forEach(b::header);
    if (subprotocols.length > 0) {
      b.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    c.ws = b.buildAsync(uri, c.listener()).orTimeout(10, TimeUnit.SECONDS).join();
    return c;
  }

  private WebSocket.Listener listener() {
    return new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          try {
            received.add(JSON.readTree(partial.toString()));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          partial.setLength(0);
          signal();
        }
        webSocket.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        signal();
        return null;
      }

      @Override
      public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(1006);
        signal();
      }
    };
  }

  void send(String json) {
    ws.sendText(json, true).join();
  }

  void send(JsonNode json) {
    send(json.toString());
  }

  void appendAudio(byte[] pcm, int chunkMs) {
    int chunk = chunkMs * Pcm16.BYTES_PER_MS;
    for (int off = 0; off < pcm.length; off += chunk) {
      byte[] part = java.util.Arrays.copyOfRange(pcm, off, Math.min(pcm.length, off + chunk));
      send("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + Pcm16.base64(part) + "\"}");
    }
  }

  List<JsonNode> ofType(String type) {
    return received.stream().filter(e -> type.equals(e.path("type").asText())).collect(Collectors.toList());
  }

  List<String> types() {
    return received.stream().map(e -> e.path("type").asText()).collect(Collectors.toList());
  }

  JsonNode await(String type, Duration timeout) {
    return awaitCount(type, 1, timeout).get(0);
  }

  List<JsonNode> awaitCount(String type, int count, Duration timeout) {
    return await(() -> {
      List<JsonNode> l = ofType(type);
      return l.size() >= count ? Optional.of(l) : Optional.empty();
    }, timeout, count + " x " + type);
  }

  JsonNode await(Predicate<JsonNode> matcher, Duration timeout) {
    return await(() -> received.stream().filter(matcher).findFirst(), timeout, "a matching event");
  }

  int awaitClose(Duration timeout) {
    return closed.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
  }

  private <T> T await(Supplier<Optional<T>> probe, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (monitor) {
      while (true) {
        Optional<T> v = probe.get();
        if (v.isPresent()) {
          return v.get();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("timed out waiting for " + what + "; received " + types());
        }
        try {
          monitor.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  private void signal() {
    synchronized (monitor) {
      monitor.notifyAll();
    }
  }

  @Override
  public void close() {
    if (!ws.isOutputClosed()) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    ws.abort();
  }
}
