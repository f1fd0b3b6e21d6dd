package dev.coachkit.adapter.web.coach;

import dev.coachkit.ports.in.conversation.ChatStreamEvent;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Relays a streamed turn to an SSE sink. The first event is held until the resource has looked at it: a turn
 * refused before any output becomes an HTTP problem response; otherwise the held events and all later ones are
 * sent in order. A client that goes away does not stop the turn (its result is stored either way).
 */
final class SseRelay implements Flow.Subscriber<ChatStreamEvent> {

  private static final Logger LOG = Logger.getLogger(SseRelay.class);
  /** Longest wait for the first event; the model adapter's own timeouts end a turn long before. */
  private static final long FIRST_EVENT_TIMEOUT_SECONDS = 600;

  /** An event's SSE name and JSON data. */
  record Encoded(String name, String data) {}

  private final SseEventSink sink;
  private final Sse sse;
  private final Function<ChatStreamEvent, Encoded> encoder;
  private final TurnMetrics metrics;
  private final long startNanos;
  private final String instance;
  private final CompletableFuture<ChatStreamEvent> first = new CompletableFuture<>();
  private final List<ChatStreamEvent> held = new ArrayList<>();
  private boolean forwarding;
  private boolean discarded;
  private boolean firstSent;
  private CompletionStage<?> lastSend = CompletableFuture.completedFuture(null);
  private Flow.Subscription subscription;

  SseRelay(SseEventSink sink, Sse sse, Function<ChatStreamEvent, Encoded> encoder, TurnMetrics metrics,
      long startNanos, String instance) {
    this.sink = sink;
    this.sse = sse;
    this.encoder = encoder;
    this.metrics = metrics;
    this.startNanos = startNanos;
    this.instance = instance;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public synchronized void onNext(ChatStreamEvent event) {
    if (discarded) {
      return;
    }
    if (forwarding) {
      send(event);
    } else {
      held.add(event);
      first.complete(event);
    }
  }

  @Override
  public void onError(Throwable error) {
    LOG.errorf(error, "streamed turn failed unexpectedly (%s)", instance);
    first.completeExceptionally(error);
    synchronized (this) {
      if (forwarding && !discarded) {
        lastSend = lastSend.handle((ignored, failure) -> null).thenCompose(ignored -> sink.send(sse.newEventBuilder()
            .name("error").mediaType(MediaType.TEXT_PLAIN_TYPE)
            .data(String.class, "{\"type\":\"https://coachkit.dev/problems/internal\",\"title\":\"Internal server"
                + " error\",\"status\":500,\"detail\":\"the turn failed unexpectedly\"}")
            .build()));
        closeAfterLastSend();
      }
    }
  }

  @Override
  public void onComplete() {
    // the terminal event (Completed or Failed) closes the sink
  }

  /** Blocks until the first event (or failure) of the turn. */
  ChatStreamEvent awaitFirst() {
    try {
      return first.get(FIRST_EVENT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the turn", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the turn failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the turn produced nothing in " + FIRST_EVENT_TIMEOUT_SECONDS + " s", e);
    }
  }

  /** The resource answers with a problem instead: nothing is sent. */
  synchronized void discard() {
    discarded = true;
    held.clear();
  }

  /** Sends the held events, then every later one as it comes. */
  synchronized void startForwarding() {
    forwarding = true;
    for (ChatStreamEvent event : held) {
      send(event);
    }
    held.clear();
  }

  private void send(ChatStreamEvent event) {
    Encoded encoded = encoder.apply(event);
    OutboundSseEvent outbound = sse.newEventBuilder()
        .name(encoded.name())
        .mediaType(MediaType.TEXT_PLAIN_TYPE)
        .data(String.class, encoded.data())
        .build();
    if (!firstSent) {
      firstSent = true;
      metrics.firstEvent(encoded.name(), startNanos);
    }
    // each send starts after the previous one finished, so events keep their order; a failed send (the client
    // left) does not stop the rest from being attempted and the turn goes on regardless
    lastSend = lastSend.handle((ignored, failure) -> null).thenCompose(ignored -> sink.isClosed()
        ? CompletableFuture.completedFuture(null) : sink.send(outbound));
    if (event.kind() == ChatStreamEvent.Kind.COMPLETED || event.kind() == ChatStreamEvent.Kind.FAILED) {
      metrics.turn("stream", event.kind() == ChatStreamEvent.Kind.COMPLETED ? "replied" : "failed", startNanos);
      closeAfterLastSend();
    }
  }

  private void closeAfterLastSend() {
    lastSend.whenComplete((ignored, failure) -> {
      if (!sink.isClosed()) {
        sink.close();
      }
    });
  }
}
