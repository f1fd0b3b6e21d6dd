package dev.coachkit.server.voice;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A voice relay client on the JDK's WebSocket, as a browser would drive it; records everything it receives. */
final class VoiceTestClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private volatile int audioFrames;
  private WebSocket socket;

  static String mintToken(String user) {
    return given().contentType(ContentType.JSON).body("{\"user\":\"" + user + "\"}")
        .when().post("/local/tokens").then().statusCode(200).extract().path("accessToken");
  }

  static String ticket(String token) {
    return given().auth().oauth2(token).when().post("/api/coach/voice/tickets")
        .then().statusCode(200).extract().path("ticket");
  }

  static URI uri(int port, String pathAndQuery) {
    return URI.create("ws://localhost:" + port + pathAndQuery);
  }

  /** Connects with a ticket (the browser way). */
  static VoiceTestClient connectWithTicket(int port, String token, String session) {
    return connect(uri(port, "/ws/coach/voice?session=" + session + "&ticket=" + ticket(token)), Optional.empty());
  }

  static VoiceTestClient connect(URI uri, Optional<String> bearer) {
    VoiceTestClient client = new VoiceTestClient();
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    bearer.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
    client.socket = builder.buildAsync(uri, client.new Listener()).join();
    return client;
  }

  /** Fails (ExecutionException) when the upgrade is refused. */
  static CompletableFuture<WebSocket> tryConnect(URI uri, Optional<String> bearer) {
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    bearer.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
    return builder.buildAsync(uri, new WebSocket.Listener() { });
  }

  void sendJson(String json) {
    socket.sendText(json, true).join();
  }

  void sendBinary(byte[] data) {
    socket.sendBinary(ByteBuffer.wrap(data), true).join();
  }

  /** Streams PCM in 20 ms frames, paced at {@code speed} x real time (0 = as fast as the socket takes it). */
  void stream(byte[] pcm, double speed) {
    int frame = 960;
    long start = System.nanoTime();
    for (int off = 0, i = 0; off < pcm.length; off += frame, i++) {
      int len = Math.min(frame, pcm.length - off) & ~1;
      if (len == 0) {
        break;
      }
      byte[] chunk = new byte[len];
      System.arraycopy(pcm, off, chunk, 0, len);
      sendBinary(chunk);
      if (speed > 0) {
        long due = start + (long) (i * 20_000_000L / speed);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          sleepNanos(wait);
        }
      }
    }
  }

  List<JsonNode> messages() {
    return List.copyOf(messages);
  }

  List<JsonNode> messages(String type) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode m : messages) {
      if (type.equals(m.path("type").asText())) {
        out.add(m);
      }
    }
    return out;
  }

  List<String> types() {
    List<String> out = new ArrayList<>();
    messages.forEach(m -> out.add(m.path("type").asText()));
    return out;
  }

  byte[] audio() {
    synchronized (audio) {
      return audio.toByteArray();
    }
  }

  int audioFrames() {
    return audioFrames;
  }

  JsonNode await(String type, Duration timeout) {
    return await(m -> type.equals(m.path("type").asText()), timeout, type);
  }

  JsonNode await(Predicate<JsonNode> matcher, Duration timeout, String what) {
    return poll(() -> messages.stream().filter(matcher).findFirst(), timeout, what + " (got " + types() + ")");
  }

  JsonNode awaitError(String code, Duration timeout) {
    return await(m -> "error".equals(m.path("type").asText()) && code.equals(m.path("code").asText()), timeout,
        "error " + code);
  }

  void awaitAudio(int bytes, Duration timeout) {
    poll(() -> audio().length >= bytes ? Optional.of(Boolean.TRUE) : Optional.empty(), timeout,
        bytes + " bytes of audio");
  }

  int awaitClosed(Duration timeout) {
    try {
      return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError("socket not closed within " + timeout + " (got " + types() + ")", e);
    }
  }

  boolean isClosed() {
    return closed.isDone();
  }

  /** Closes from the client side (as a tab closing would), without sending "end". */
  void hangUpAbruptly() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
    }
    socket.abort();
  }

  static <T> T poll(Supplier<Optional<T>> check, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> v = check.get();
      if (v.isPresent()) {
        return v.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      sleepNanos(5_000_000L);
    }
  }

  static void sleepNanos(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          messages.add(JSON.readTree(text.toString()));
        } catch (Exception e) {
          throw new IllegalStateException("server sent non-JSON text: " + text, e);
        }
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      binary.writeBytes(bytes);
      if (last) {
        synchronized (audio) {
          audio.writeBytes(binary.toByteArray());
        }
        audioFrames++;
        binary.reset();
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.complete(-1);
    }
  }
}
