package dev.coachkit.adapter.web.voice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.realtime.Pcm16Audio;
import dev.coachkit.ports.model.voice.VoiceCall;
import dev.coachkit.ports.model.voice.VoiceCallEvent;
import dev.coachkit.ports.model.voice.VoiceCallListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One client's side of a relayed voice call: validates what the client sends and forwards it to the
 * {@link VoiceCall}, and, as the call's {@link VoiceCallListener}, turns call events into protocol messages.
 *
 * <p>Client input arrives one message at a time (the endpoint processes inbound messages serially); call events
 * arrive one at a time from the domain. The two sides share only volatile fields.
 */
final class RelayedCall implements VoiceCallListener {
  private static final Logger LOG = Logger.getLogger(RelayedCall.class);

  static final int MAX_FRAME_BYTES = 64 * 1024;
  /** Audio may arrive at most twice as fast as real time (PCM16 24 kHz mono is 48,000 bytes a second)... */
  static final double AUDIO_BYTES_PER_SECOND = 2 * 48_000;
  /** ...with bursts of up to two seconds of audio (a client flushing what it buffered). */
  static final double AUDIO_BURST_BYTES = 2 * 48_000;
  static final double MESSAGES_PER_SECOND = 20;
  static final double MESSAGE_BURST = 40;
  static final long ERROR_INTERVAL_NANOS = 1_000_000_000L;

  private final WebSocketConnection connection;
  private final UserId userId;
  private final VoiceMetrics metrics;
  private final TokenBucket audioBucket;
  private final TokenBucket messageBucket;
  private final Map<String, Long> lastErrorNanos = new HashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final Object events = new Object();
  private final List<VoiceCallEvent> heldEvents = new ArrayList<>();

  /** Write callbacks, one pair per call rather than two lambdas per frame. */
  private final Consumer<Void> sent = ok -> { };
  private final Consumer<Throwable> notSent;

  private volatile boolean created;
  private volatile VoiceCall call;
  // Written by the event side only.
  private long speechEndedNanos = -1;
  private long lastCostMicros;

  RelayedCall(WebSocketConnection connection, UserId userId, VoiceMetrics metrics) {
    this.connection = connection;
    this.userId = userId;
    this.metrics = metrics;
    long now = System.nanoTime();
    this.audioBucket = new TokenBucket(AUDIO_BYTES_PER_SECOND, AUDIO_BURST_BYTES, now);
    this.messageBucket = new TokenBucket(MESSAGES_PER_SECOND, MESSAGE_BURST, now);
    this.notSent = failure -> LOG.debugf("voice relay: audio not delivered to %s: %s", connection.id(), failure);
  }

  UserId userId() {
    return userId;
  }

  /** The session is known to the client ({@code session_created} went out). */
  void markCreated() {
    created = true;
  }

  /**
   * The call is live: events held back until now go out (so that a client acting on {@code session_ready} finds
   * the call attached); if the client already went away, the call is told at once.
   */
  void attach(VoiceCall live) {
    synchronized (events) {
      this.call = live;
      for (VoiceCallEvent held : heldEvents) {
        dispatch(held);
      }
      heldEvents.clear();
    }
    if (closed.get()) {
      live.disconnected();
    }
  }

  boolean isClosed() {
    return closed.get();
  }

  // ------------------------------------------------------------------------------------------ client -> server

  void onAudio(Buffer frame) {
    long start = System.nanoTime();
    int length = frame.length();
    if (length == 0 || length % 2 != 0) {
      reject("invalid_audio", "audio frames must be PCM16: a non-zero, even number of bytes (got " + length + ")");
      return;
    }
    if (length > MAX_FRAME_BYTES) {
      reject("frame_too_large", "audio frames may hold at most " + MAX_FRAME_BYTES + " bytes (got " + length + ")");
      return;
    }
    if (!audioBucket.tryTake(length, start)) {
      reject("rate_limited", "audio arrives faster than twice real time; frames are dropped");
      return;
    }
    VoiceCall live = call;
    if (live == null) {
      reject("not_ready", "the call is not live yet: wait for session_ready");
      return;
    }
    live.sendAudio(audioOf(frame));
    metrics.upstreamFrame(System.nanoTime() - start, length);
  }

  /**
   * The frame's audio without copying it again where possible. Vert.x hands a message handler an unpooled heap
   * copy of what it read from the socket (its "safe buffer", made so that handlers may keep it), and nothing else
   * holds that message once the handler has it; so when the buffer is exactly one whole array, the audio value
   * takes that array over. Any other buffer (pooled, direct, a slice of a larger array) is copied once.
   */
  static Pcm16Audio audioOf(Buffer frame) {
    ByteBuf buf = frame.getByteBuf();
    int length = buf.readableBytes();
    if (buf.hasArray() && buf.arrayOffset() == 0 && buf.readerIndex() == 0 && buf.array().length == length) {
      return Pcm16Audio.handedOver(buf.array());
    }
    return Pcm16Audio.copyOf(buf.nioBuffer());
  }

  void onText(String text) {
    long now = System.nanoTime();
    LOG.debugf("voice relay %s: client message %s (created=%s, live=%s)", connection.id(), text, created,
        call != null);
    if (!messageBucket.tryTake(1, now)) {
      reject("rate_limited", "too many control messages; slow down");
      return;
    }
    if (text.length() > VoiceWireFormat.MAX_TEXT_MESSAGE_CHARS) {
      reject("message_too_large", "control messages may hold at most " + VoiceWireFormat.MAX_TEXT_MESSAGE_CHARS
          + " characters");
      return;
    }
    VoiceWireFormat.ClientMessage message;
    try {
      message = VoiceWireFormat.parse(text);
    } catch (VoiceWireFormat.MalformedMessage e) {
      reject("malformed_message", e.getMessage());
      return;
    }
    Optional<VoiceWireFormat.ClientType> type = VoiceWireFormat.ClientType.of(message.type());
    if (type.isEmpty()) {
      reject("unknown_message", "unknown message type \"" + truncate(message.type()) + "\"");
      return;
    }
    if (type.get() == VoiceWireFormat.ClientType.PING) {
      send(VoiceWireFormat.pong(message.body().get("id")));
      return;
    }
    VoiceCall live = call;
    if (!created || live == null) {
      reject("not_ready", "\"" + message.type() + "\" before the call is live: wait for session_ready");
      return;
    }
    JsonNode body = message.body();
    switch (type.get()) {
      case START_RECORDING:
        live.startRecording();
        break;
      case STOP_RECORDING:
        speechEnded();
        live.stopRecording();
        break;
      case CANCEL:
        live.cancel();
        break;
      case TEXT: {
        JsonNode t = body.get("text");
        if (t == null || !t.isTextual()) {
          reject("invalid_message", "\"text\" needs a string field \"text\"");
          return;
        }
        live.sendText(t.asText());
        break;
      }
      case PLAYBACK_POSITION: {
        JsonNode ms = body.get("playedMs");
        if (ms == null || !ms.canConvertToLong() || !ms.isIntegralNumber()) {
          reject("invalid_message", "\"playback_position\" needs an integer field \"playedMs\"");
          return;
        }
        live.playbackPosition(ms.asLong());
        break;
      }
      case END:
        live.end();
        break;
      default:
        throw new IllegalStateException("unhandled client message " + type.get());
    }
  }

  /** The client's socket closed: a call still running ends as disconnected (its upstream closes at once). */
  void onClose() {
    if (closed.compareAndSet(false, true)) {
      VoiceCall live = call;
      if (live != null) {
        live.disconnected();
      }
    }
  }

  // ------------------------------------------------------------------------------------------ server -> client

  @Override
  public void onEvent(VoiceCallEvent event) {
    synchronized (events) {
      if (call == null && event.kind() != VoiceCallEvent.Kind.SESSION_ENDED) {
        heldEvents.add(event); // the domain may speak before connect() completes; keep the order
        return;
      }
      dispatch(event);
    }
  }

  private void dispatch(VoiceCallEvent event) {
    if (ended.get()) {
      return;
    }
    switch (event.kind()) {
      case ASSISTANT_AUDIO:
        relayAudio((VoiceCallEvent.AssistantAudio) event);
        return;
      case SPEECH_STOPPED:
        speechEnded();
        break;
      case RECONNECTING:
        metrics.reconnecting((VoiceCallEvent.Reconnecting) event);
        break;
      case RESUMED:
        metrics.resumed();
        break;
      case USAGE_UPDATED: {
        long cost = ((VoiceCallEvent.UsageUpdated) event).costMicros();
        metrics.cost(cost - lastCostMicros);
        lastCostMicros = Math.max(lastCostMicros, cost);
        break;
      }
      default:
        break;
    }
    send(VoiceWireFormat.event(event));
    if (event.kind() == VoiceCallEvent.Kind.SESSION_ENDED && ended.compareAndSet(false, true)) {
      closeSocket(CloseReason.NORMAL);
    }
  }

  private void relayAudio(VoiceCallEvent.AssistantAudio audio) {
    long start = System.nanoTime();
    if (speechEndedNanos >= 0) {
      metrics.responseLatency(Duration.ofNanos(start - speechEndedNanos));
      speechEndedNanos = -1;
    }
    Pcm16Audio pcm = audio.audio();
    if (closed.get()) {
      return;
    }
    // A read-only view of the audio value's bytes, not a copy (Netty copies it once into the socket's buffer).
    connection.sendBinary(Buffer.buffer(Unpooled.wrappedBuffer(pcm.asByteBuffer()))).subscribe()
        .with(sent, notSent);
    metrics.downstreamFrame(System.nanoTime() - start, pcm.length());
  }

  private void speechEnded() {
    speechEndedNanos = System.nanoTime();
  }

  /** Sends an error and closes the socket (a refused or failed call). */
  void fail(String code, String message, CloseReason reason) {
    ended.set(true);
    send(VoiceWireFormat.error(code, message));
    closeSocket(reason);
  }

  void send(String json) {
    if (closed.get()) {
      return;
    }
    connection.sendText(json).subscribe().with(ok -> { }, failure -> LOG.debugf(
        "voice relay: message not delivered to %s: %s", connection.id(), failure));
  }

  private void reject(String code, String message) {
    LOG.debugf("voice relay %s: %s: %s", connection.id(), code, message);
    metrics.rejected();
    long now = System.nanoTime();
    Long last = lastErrorNanos.get(code);
    if (last != null && now - last < ERROR_INTERVAL_NANOS) {
      return; // one error per code per second: a flood must not turn into a flood of errors
    }
    lastErrorNanos.put(code, now);
    send(VoiceWireFormat.error(code, message));
  }

  private void closeSocket(CloseReason reason) {
    if (closed.get() || connection.isClosed()) {
      return; // the client went first (closing again only logs a warning per call)
    }
    connection.close(reason).subscribe().with(ok -> { }, failure -> { });
  }

  private static String truncate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "…";
  }
}
