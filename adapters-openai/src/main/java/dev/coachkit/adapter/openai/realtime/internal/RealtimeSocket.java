package dev.coachkit.adapter.openai.realtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.ports.model.json.JsonValue;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.ModelFailure.Kind;
import dev.coachkit.ports.model.realtime.Pcm16Audio;
import dev.coachkit.ports.model.realtime.RealtimeEvent;
import dev.coachkit.ports.model.realtime.RealtimeSessionConfig;
import dev.coachkit.ports.out.realtime.RealtimeConnection;
import dev.coachkit.ports.out.realtime.RealtimeEventListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One Realtime session over a JDK {@link WebSocket}: the port's {@link RealtimeConnection}.
 *
 * <p>Setup ({@link Setup#CONFIGURE}): after {@code session.created} it sends {@code session.update} with the
 * configuration and is ready on {@code session.updated}; an {@code error} naming that update, a close or the setup
 * timeout fail the setup instead. Sending: frames go out strictly in call order through one chain (the JDK socket
 * allows one outstanding send), from any thread, never blocking. Receiving: the JDK invokes the socket listener
 * sequentially and the next frame is requested only after the previous one was delivered, so listener callbacks
 * come one at a time, in order, and a slow listener slows the socket down instead of queueing without bound;
 * {@code Closed} is delivered once and last (under the same lock as every other event).
 */
public final class RealtimeSocket implements RealtimeConnection {

  private static final Logger LOG = Logger.getLogger(RealtimeSocket.class);
  /** Raw audio per {@code input_audio_buffer.append} at most (the API allows 15 MiB of JSON per event). */
  static final int MAX_APPEND_BYTES = 1 << 20;

  /** What to do between the WebSocket opening and the connection being ready. */
  public enum Setup {
    /** Wait for {@code session.created}, send the configuration, wait for {@code session.updated}. */
    CONFIGURE,
    /** Ready as soon as the WebSocket is open; nothing is sent (for replaying recorded sessions). */
    NONE
  }

  private enum State { CONNECTING, AWAIT_CREATED, AWAIT_UPDATED, READY, FAILED }

  private final ClientEvents events;
  private final ServerEventParser parser;
  private final RealtimeEventListener listener;
  private final RealtimeSettings settings;
  private final Setup setup;
  private final RealtimeSessionConfig initialConfig;
  private final String where;
  private final CompletableFuture<RealtimeConnection> ready = new CompletableFuture<>();
  private final Object dispatchLock = new Object();
  private final Object sendLock = new Object();
  private final StringBuilder partial = new StringBuilder();
  private CompletableFuture<?> sendTail = CompletableFuture.completedFuture(null);
  private boolean outputClosed; // guarded by sendLock
  private boolean closedDelivered; // guarded by dispatchLock
  private volatile WebSocket ws;
  private volatile boolean closeRequested;
  private volatile State state = State.CONNECTING;
  private volatile String setupEventId;
  private final java.util.concurrent.atomic.AtomicLong framesReceived = new java.util.concurrent.atomic.AtomicLong();

  private RealtimeSocket(ClientEvents events, RealtimeEventListener listener, RealtimeSettings settings, Setup setup,
      RealtimeSessionConfig initialConfig, String where) {
    this.events = events;
    this.parser = new ServerEventParser(settings.clock());
    this.listener = listener;
    this.settings = settings;
    this.setup = setup;
    this.initialConfig = initialConfig;
    this.where = where;
  }

  /**
   * Opens a WebSocket and sets the session up; completes with the ready connection or a {@link ModelFailure}.
   *
   * @param config the configuration to apply ({@link Setup#CONFIGURE}); may be null with {@link Setup#NONE}
   */
  public static CompletableFuture<RealtimeConnection> connect(HttpClient http, URI uri, Map<String, String> headers,
      ClientEvents events, Setup setup, RealtimeSessionConfig config, RealtimeEventListener listener,
      RealtimeSettings settings) {
    Objects.requireNonNull(listener, "listener must not be null");
    if (setup == Setup.CONFIGURE) {
      Objects.requireNonNull(config, "config must not be null");
    }
    String where = uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
    RealtimeSocket socket = new RealtimeSocket(events, listener, settings, setup, config, where);
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(settings.connectTimeout());
    headers.forEach(builder::header);
    builder.buildAsync(uri, socket.new Inbound()).whenComplete((ws, error) -> {
      if (error != null) {
        socket.failSetup(Failures.forConnect(error, where));
      }
    });
    Duration limit = settings.connectTimeout().plus(settings.setupTimeout());
    CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
      if (!socket.ready.isDone()) {
        socket.failSetup(Failures.of(Kind.TIMEOUT, "the realtime session at " + where + " was not ready within "
            + limit + " (state " + socket.state + ")", null));
      }
    });
    return socket.ready;
  }

  // ------------------------------------------------------------------ port

  @Override
  public void sendAudio(Pcm16Audio audio) {
    Objects.requireNonNull(audio, "audio must not be null");
    if (audio.length() <= MAX_APPEND_BYTES) {
      send(events.append(audio.toBase64())); // every relayed frame (at most 64 KiB): encoded from the value's bytes
      return;
    }
    ByteBuffer pcm16 = audio.asByteBuffer();
    for (int offset = 0; offset < audio.length(); offset += MAX_APPEND_BYTES) {
      pcm16.limit(Math.min(audio.length(), offset + MAX_APPEND_BYTES)).position(offset);
      send(events.append(Pcm16Audio.copyOf(pcm16).toBase64()));
    }
  }

  @Override
  public void commitAudio() {
    send(events.commit());
  }

  @Override
  public void clearAudio() {
    send(events.clear());
  }

  @Override
  public void createResponse() {
    send(events.responseCreate(null));
  }

  @Override
  public void createResponse(String instructions) {
    send(events.responseCreate(Objects.requireNonNull(instructions, "instructions must not be null")));
  }

  @Override
  public void cancelResponse() {
    send(events.responseCancel());
  }

  @Override
  public void truncate(String itemId, int contentIndex, long audioEndMs) {
    Objects.requireNonNull(itemId, "itemId must not be null");
    if (contentIndex < 0 || audioEndMs < 0) {
      throw new IllegalArgumentException("contentIndex and audioEndMs must not be negative");
    }
    send(events.truncate(itemId, contentIndex, audioEndMs));
  }

  @Override
  public void sendToolOutput(String callId, JsonValue output) {
    Objects.requireNonNull(callId, "callId must not be null");
    Objects.requireNonNull(output, "output must not be null");
    send(events.functionCallOutput(callId, output));
  }

  @Override
  public void sendText(String text) {
    send(events.userText(Objects.requireNonNull(text, "text must not be null")));
  }

  @Override
  public void updateSession(RealtimeSessionConfig config) {
    send(events.sessionUpdate(events.nextId(), Objects.requireNonNull(config, "config must not be null")));
  }

  @Override
  public void close() {
    closeRequested = true;
    WebSocket w = ws;
    synchronized (sendLock) {
      if (outputClosed || w == null) {
        return;
      }
      outputClosed = true;
      sendTail = sendTail.handle((v, e) -> null)
          .thenCompose(v -> w.sendClose(WebSocket.NORMAL_CLOSURE, "client closed"))
          .whenComplete((v, e) -> {
            if (e != null) {
              LOG.debugf("realtime close frame not sent: %s", e.toString());
            }
          });
    }
    CompletableFuture.delayedExecutor(settings.closeTimeout().toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
      if (!isClosed()) {
        w.abort();
        deliverClosed("closed by client (no close answer within " + settings.closeTimeout() + ")", false);
      }
    });
  }

  // ------------------------------------------------------------------ test and diagnostics hooks

  /** Sends a raw text frame as is (tests: prove the server's validation catches a malformed event). */
  public void sendRaw(String frame) {
    send(frame);
  }

  /** Known server events that could not be mapped so far. */
  public long malformedEvents() {
    return parser.malformed();
  }

  /** Server events of an unknown type seen so far (ignored). */
  public long unknownEvents() {
    return parser.unknown();
  }

  /** Server text frames fully handled so far (mapped, ignored or skipped). */
  public long framesReceived() {
    return framesReceived.get();
  }

  /** Whether {@code Closed} was delivered. */
  public boolean isClosed() {
    synchronized (dispatchLock) {
      return closedDelivered;
    }
  }

  @Override
  public String toString() {
    return "RealtimeSocket[" + where + ", " + events.protocol() + ", " + state + "]";
  }

  // ------------------------------------------------------------------ internals

  private void send(String frame) {
    synchronized (sendLock) {
      WebSocket w = ws;
      if (outputClosed || w == null) {
        LOG.debugf("ignoring a realtime client event after close: %.60s", frame);
        return;
      }
      sendTail = sendTail.handle((v, e) -> null)
          .thenCompose(v -> w.sendText(frame, true))
          .whenComplete((v, e) -> {
            if (e != null) {
              LOG.debugf("realtime client event not sent: %s", e.toString());
            }
          });
    }
  }

  private void onFrame(String frame) {
    JsonNode event = parser.read(frame);
    if (event == null) {
      return;
    }
    if (state != State.READY && setup == Setup.CONFIGURE && !setupStep(event)) {
      return;
    }
    parser.parse(event, this::deliver);
  }

  /** Advances the setup; false when the event was consumed by a failed setup. */
  private boolean setupStep(JsonNode event) {
    String type = event.path("type").asText("");
    if (state == State.AWAIT_CREATED && "session.created".equals(type)) {
      state = State.AWAIT_UPDATED;
      String id = events.nextId();
      setupEventId = id;
      send(events.sessionUpdate(id, initialConfig));
    } else if (state == State.AWAIT_UPDATED && "session.updated".equals(type)) {
      state = State.READY;
      ready.complete(this);
    } else if ("error".equals(type) && (state == State.AWAIT_CREATED
        || Objects.equals(event.path("error").path("event_id").asText(null), setupEventId))) {
      JsonNode err = event.path("error");
      failSetup(Failures.of(Kind.REJECTED_REQUEST, "the realtime API refused the session configuration: "
          + err.path("code").asText(err.path("type").asText("error")) + ": " + err.path("message").asText(""), null));
      return false;
    }
    return state != State.FAILED;
  }

  private void failSetup(ModelFailure failure) {
    if (ready.completeExceptionally(failure)) {
      state = State.FAILED;
      LOG.debugf("realtime setup failed: %s", failure.getMessage());
      synchronized (sendLock) {
        outputClosed = true;
      }
      WebSocket w = ws;
      if (w != null) {
        w.abort();
      }
    }
  }

  private void deliver(RealtimeEvent event) {
    synchronized (dispatchLock) {
      if (closedDelivered) {
        return;
      }
      if (event instanceof RealtimeEvent.Closed) {
        closedDelivered = true;
      }
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warnf(e, "a realtime event listener failed on %s", event.kind());
      }
    }
  }

  private void deliverClosed(String reason, boolean abnormal) {
    synchronized (sendLock) {
      outputClosed = true;
    }
    if (!ready.isDone()) {
      failSetup(Failures.of(Kind.UNAVAILABLE, "the realtime session at " + where + " closed during setup: " + reason,
          null));
    }
    if (ready.isCompletedExceptionally()) {
      return; // the caller never got this connection: the failed future is the whole story
    }
    deliver(new RealtimeEvent.Closed(reason, abnormal, settings.clock().instant()));
  }

  /** The JDK invokes these one at a time; each frame is requested only after the previous was delivered. */
  private final class Inbound implements WebSocket.Listener {

    @Override
    public void onOpen(WebSocket webSocket) {
      ws = webSocket;
      if (setup == Setup.NONE) {
        state = State.READY;
        ready.complete(RealtimeSocket.this);
      } else {
        state = State.AWAIT_CREATED;
      }
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        try {
          onFrame(frame);
        } catch (RuntimeException e) {
          LOG.warnf(e, "failed to handle a realtime server frame");
        } finally {
          framesReceived.incrementAndGet();
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
      webSocket.request(1); // the Realtime API sends only text frames
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      String detail = statusCode + (reason == null || reason.isBlank() ? "" : " " + reason);
      deliverClosed(closeRequested ? "closed by client (" + detail + ")" : "closed by the server: " + detail,
          !closeRequested);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      deliverClosed("connection lost: " + error, !closeRequested);
    }
  }
}
