package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.json.JsonValue;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.realtime.Pcm16Audio;
import dev.coachkit.ports.model.realtime.RealtimeEvent;
import dev.coachkit.ports.model.realtime.RealtimeSessionConfig;
import dev.coachkit.ports.out.realtime.RealtimeConnection;
import dev.coachkit.ports.out.realtime.RealtimeEventListener;
import dev.coachkit.ports.out.realtime.RealtimeModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A {@link RealtimeModel} fake: connections record every command sent and let a test push events to the listener.
 */
public final class FakeRealtimeModel implements RealtimeModel {
  private final Clock clock;
  private final List<Connection> connections = new ArrayList<>();
  private ModelFailure nextFailure;

  public FakeRealtimeModel(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The next open or attach completes exceptionally with this failure. */
  public synchronized void failNextOpen(ModelFailure failure) {
    nextFailure = failure;
  }

  public synchronized List<Connection> connections() {
    return List.copyOf(connections);
  }

  public synchronized Connection lastConnection() {
    if (connections.isEmpty()) {
      throw new IllegalStateException("no connection opened");
    }
    return connections.get(connections.size() - 1);
  }

  @Override
  public CompletionStage<RealtimeConnection> open(RealtimeSessionConfig config, RealtimeEventListener listener) {
    return connect(Optional.empty(), config, listener);
  }

  @Override
  public CompletionStage<RealtimeConnection> attach(
      String callId, RealtimeSessionConfig config, RealtimeEventListener listener) {
    return connect(Optional.of(callId), config, listener);
  }

  private synchronized CompletionStage<RealtimeConnection> connect(
      Optional<String> callId, RealtimeSessionConfig config, RealtimeEventListener listener) {
    if (nextFailure != null) {
      ModelFailure failure = nextFailure;
      nextFailure = null;
      return CompletableFuture.failedFuture(failure);
    }
    Connection connection = new Connection(callId, config, listener, clock);
    connections.add(connection);
    return CompletableFuture.completedFuture(connection);
  }

  /** A command a connection received. */
  public sealed interface Sent
      permits Sent.Audio, Sent.CommitAudio, Sent.ClearAudio, Sent.CreateResponse, Sent.CancelResponse, Sent.Truncate,
          Sent.ToolOutput, Sent.Text, Sent.UpdateSession, Sent.Close {

    /** Audio appended. */
    record Audio(byte[] pcm16) implements Sent {
      public Audio {
        pcm16 = pcm16.clone();
      }

      @Override
      public boolean equals(Object o) {
        return o instanceof Audio a && Arrays.equals(pcm16, a.pcm16);
      }

      @Override
      public int hashCode() {
        return Arrays.hashCode(pcm16);
      }

      @Override
      public String toString() {
        return "Audio[" + pcm16.length + " bytes]";
      }
    }

    /** Input audio committed. */
    record CommitAudio() implements Sent {}

    /** Input audio cleared. */
    record ClearAudio() implements Sent {}

    /** A response requested, with per-response instructions if given. */
    record CreateResponse(Optional<String> instructions) implements Sent {}

    /** The response cancelled. */
    record CancelResponse() implements Sent {}

    /** An item truncated. */
    record Truncate(String itemId, int contentIndex, long audioEndMs) implements Sent {}

    /** A tool output returned. */
    record ToolOutput(String callId, JsonValue output) implements Sent {}

    /** A typed user message. */
    record Text(String text) implements Sent {}

    /** The session reconfigured. */
    record UpdateSession(RealtimeSessionConfig config) implements Sent {}

    /** The connection closed by the client. */
    record Close() implements Sent {}
  }

  /** One fake upstream session. */
  public static final class Connection implements RealtimeConnection {
    private final Optional<String> callId;
    private final RealtimeSessionConfig initialConfig;
    private final RealtimeEventListener listener;
    private final Clock clock;
    private final List<Sent> sent = new ArrayList<>();
    private boolean closed;

    Connection(Optional<String> callId, RealtimeSessionConfig config, RealtimeEventListener listener, Clock clock) {
      this.callId = callId;
      this.initialConfig = config;
      this.listener = listener;
      this.clock = clock;
    }

    /** The call id this connection attached to, if it was an attach. */
    public Optional<String> callId() {
      return callId;
    }

    public RealtimeSessionConfig initialConfig() {
      return initialConfig;
    }

    public synchronized List<Sent> sent() {
      return List.copyOf(sent);
    }

    public synchronized boolean isClosed() {
      return closed;
    }

    /** Delivers an event to the listener, as the provider would. */
    public void push(RealtimeEvent event) {
      listener.onEvent(event);
    }

    /** Simulates the provider dropping the connection. */
    public void drop(String reason) {
      synchronized (this) {
        closed = true;
      }
      listener.onEvent(new RealtimeEvent.Closed(reason, true, clock.instant()));
    }

    private synchronized boolean record(Sent command) {
      if (closed) {
        return false;
      }
      sent.add(command);
      return true;
    }

    @Override
    public void sendAudio(Pcm16Audio audio) {
      record(new Sent.Audio(audio.toByteArray()));
    }

    @Override
    public void commitAudio() {
      record(new Sent.CommitAudio());
    }

    @Override
    public void clearAudio() {
      record(new Sent.ClearAudio());
    }

    @Override
    public void createResponse() {
      record(new Sent.CreateResponse(Optional.empty()));
    }

    @Override
    public void createResponse(String instructions) {
      record(new Sent.CreateResponse(Optional.of(instructions)));
    }

    @Override
    public void cancelResponse() {
      record(new Sent.CancelResponse());
    }

    @Override
    public void truncate(String itemId, int contentIndex, long audioEndMs) {
      record(new Sent.Truncate(itemId, contentIndex, audioEndMs));
    }

    @Override
    public void sendToolOutput(String callId, JsonValue output) {
      record(new Sent.ToolOutput(callId, output));
    }

    @Override
    public void sendText(String text) {
      record(new Sent.Text(text));
    }

    @Override
    public void updateSession(RealtimeSessionConfig config) {
      record(new Sent.UpdateSession(config));
    }

    @Override
    public void close() {
      boolean wasOpen = record(new Sent.Close());
      synchronized (this) {
        closed = true;
      }
      if (wasOpen) {
        listener.onEvent(new RealtimeEvent.Closed("closed by client", false, clock.instant()));
      }
    }
  }
}
