package dev.coachkit.adapter.web.coach;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chat-turn metrics measured where the turn is served: {@code coach.chat.turn} (request to reply, tagged by mode
 * and outcome) and {@code coach.chat.first.event} (request to the first streamed event). Names are listed in
 * docs/reference/metrics.md. Each timer is looked up in the registry once and kept (a builder's {@code register}
 * builds the id and runs the registry's filters on every call); there are a handful of tag combinations.
 */
@Singleton
class TurnMetrics {

  private final MeterRegistry registry;
  private final Map<String, Timer> turns = new ConcurrentHashMap<>();
  private final Map<String, Timer> firstEvents = new ConcurrentHashMap<>();

  TurnMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A turn ended: {@code mode} blocking or stream, {@code outcome} replied, refused or failed. */
  void turn(String mode, String outcome, long startNanos) {
    turns.computeIfAbsent(mode + '\n' + outcome, key -> Timer.builder("coach.chat.turn")
            .description("Chat turn latency, request to reply")
            .tag("mode", mode).tag("outcome", outcome)
            .publishPercentileHistogram()
            .register(registry))
        .record(Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** The first event of a streamed turn was sent (time to first token when it is a delta). */
  void firstEvent(String event, long startNanos) {
    firstEvents.computeIfAbsent(event, key -> Timer.builder("coach.chat.first.event")
            .description("Streamed turn: request to the first event sent")
            .tag("event", event)
            .publishPercentileHistogram()
            .register(registry))
        .record(Duration.ofNanos(System.nanoTime() - startNanos));
  }
}
