package dev.coachkit.adapter.web.voice;

import dev.coachkit.ports.model.voice.ReconnectCause;
import dev.coachkit.ports.model.voice.VoiceCallEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The relay's Micrometer meters. Observed where the relay sees them (the client socket and the call's events), so
 * the domain stays free of metrics; every name is listed in docs/reference/voice-protocol.md.
 */
final class VoiceMetrics {
  static final double BYTES_PER_SECOND = 48_000.0;
  private static final String ACTIVE_SESSIONS = "coach.voice.sessions.active";

  private final AtomicInteger active = new AtomicInteger();
  private final Timer upstreamFrame;
  private final Timer downstreamFrame;
  private final Timer responseLatency;
  private final Map<ReconnectCause, Counter> reconnects = new EnumMap<>(ReconnectCause.class);
  private final Map<ReconnectCause, Counter> reconnectRetries = new EnumMap<>(ReconnectCause.class);
  private final Counter continuations;
  private final Counter resumed;
  // Audio is counted per frame in plain adders; the counters read them when scraped.
  private final LongAdder audioBytesIn = new LongAdder();
  private final LongAdder audioBytesOut = new LongAdder();
  private final Counter costUsd;
  private final Counter rejectedFrames;
  private final Counter sessions;

  VoiceMetrics(MeterRegistry registry) {
    // A gauge is bound to the object it reads. Where several applications share one JVM (Quarkus tests restart the
    // application, and the global composite registry keeps its meters), re-registering would hand back the old
    // gauge bound to the old counter, so this relay's gauge replaces any left from before.
    registry.find(ACTIVE_SESSIONS).gauges().forEach(registry::remove);
    Gauge.builder(ACTIVE_SESSIONS, active, AtomicInteger::get).strongReference(true)
        .description("Voice calls relayed by this instance right now").register(registry);
    upstreamFrame = frameTimer(registry, "client_to_model");
    downstreamFrame = frameTimer(registry, "model_to_client");
    responseLatency = Timer.builder("coach.voice.response.latency")
        .description("From the end of the user's speech to the first assistant audio relayed")
        .publishPercentiles(0.5, 0.9, 0.99).register(registry);
    for (ReconnectCause cause : ReconnectCause.values()) {
      reconnects.put(cause, reconnectCounter(registry, cause, "first"));
      reconnectRetries.put(cause, reconnectCounter(registry, cause, "retry"));
    }
    continuations = Counter.builder("coach.voice.continuations")
        .description("Calls moved to a new upstream session before the old one's time limit").register(registry);
    resumed = Counter.builder("coach.voice.upstream.resumed")
        .description("Upstream sessions back with the context restored").register(registry);
    audioMinutes(registry, "in", audioBytesIn);
    audioMinutes(registry, "out", audioBytesOut);
    costUsd = Counter.builder("coach.voice.cost.usd")
        .description("Cost of voice calls in US dollars, as priced by the domain").register(registry);
    rejectedFrames = Counter.builder("coach.voice.frames.rejected")
        .description("Client frames or messages refused by the relay's validation").register(registry);
    sessions = Counter.builder("coach.voice.sessions.connected")
        .description("Voice calls connected through the relay").register(registry);
  }

  private static Counter reconnectCounter(MeterRegistry registry, ReconnectCause cause, String attempt) {
    return Counter.builder("coach.voice.upstream.reconnects").tag("cause", VoiceWireFormat.wire(cause))
        .tag("attempt", attempt)
        .description("Upstream session switches announced to clients (reconnecting), by cause and attempt")
        .register(registry);
  }

  private static void audioMinutes(MeterRegistry registry, String direction, LongAdder bytes) {
    // Like the gauge: a function counter is bound to its adder, so one left by an earlier application goes first.
    registry.find("coach.voice.audio.minutes").tag("direction", direction).meters().forEach(registry::remove);
    FunctionCounter.builder("coach.voice.audio.minutes", bytes, b -> b.sum() / BYTES_PER_SECOND / 60.0)
        .tag("direction", direction).description("Minutes of audio relayed").register(registry);
  }

  private static Timer frameTimer(MeterRegistry registry, String direction) {
    return Timer.builder("coach.voice.relay.frame.latency").tag("direction", direction)
        .description("Time the relay spends on one audio frame (received to handed over)")
        .publishPercentiles(0.5, 0.99).register(registry);
  }

  void sessionOpened() {
    active.incrementAndGet();
    sessions.increment();
  }

  void sessionClosed() {
    active.decrementAndGet();
  }

  int activeSessions() {
    return active.get();
  }

  void upstreamFrame(long nanos, int bytes) {
    upstreamFrame.record(nanos, TimeUnit.NANOSECONDS);
    audioBytesIn.add(bytes);
  }

  void downstreamFrame(long nanos, int bytes) {
    downstreamFrame.record(nanos, TimeUnit.NANOSECONDS);
    audioBytesOut.add(bytes);
  }

  void responseLatency(Duration d) {
    responseLatency.record(d);
  }

  /** Counted from the event's cause: a first continuation attempt is a continuation; every attempt is a switch. */
  void reconnecting(VoiceCallEvent.Reconnecting event) {
    boolean first = event.attempt() <= 1;
    (first ? reconnects : reconnectRetries).get(event.cause()).increment();
    if (first && event.cause() == ReconnectCause.CONTINUATION) {
      continuations.increment();
    }
  }

  void resumed() {
    resumed.increment();
  }

  void cost(long micros) {
    if (micros > 0) {
      costUsd.increment(micros / 1_000_000.0);
    }
  }

  void rejected() {
    rejectedFrames.increment();
  }
}
