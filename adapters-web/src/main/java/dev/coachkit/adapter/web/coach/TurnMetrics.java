package dev.coachkit.adapter.web.coach;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Chat-turn metrics measured where the turn is served: {@code coach.chat.turn} (request to reply, tagged by mode
 * and outcome) and {@code coach.chat.first.event} (request to the first streamed event). Names are listed in
 * docs/reference/metrics.md.
 */
@Singleton
class TurnMetrics {

  private final MeterRegistry registry;

  TurnMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A turn ended: {@code mode} blocking or stream, {@code outcome} replied, refused or failed. */
  void turn(String mode, String outcome, long startNanos) {
    Timer.builder("coach.chat.turn").description("Chat turn latency, request to reply")
        .tag("mode", mode).tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(registry)
        .record(Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** The first event of a streamed turn was sent (time to first token when it is a delta). */
  void firstEvent(String event, long startNanos) {
    Timer.builder("coach.chat.first.event").description("Streamed turn: request to the first event sent")
        .tag("event", event)
        .publishPercentileHistogram()
        .register(registry)
        .record(Duration.ofNanos(System.nanoTime() - startNanos));
  }
}
