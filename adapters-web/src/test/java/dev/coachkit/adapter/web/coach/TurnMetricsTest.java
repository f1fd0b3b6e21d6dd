package dev.coachkit.adapter.web.coach;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Each turn and first event lands on the timer of its own tags, also after the timers are kept. */
class TurnMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TurnMetrics metrics = new TurnMetrics(registry);

  @Test
  void givenTurnsOfSeveralModesAndOutcomes_turn_recordsEachUnderItsOwnTags() {
    long start = System.nanoTime();
    metrics.turn("blocking", "replied", start);
    metrics.turn("blocking", "replied", start);
    metrics.turn("blocking", "refused", start);
    metrics.turn("stream", "replied", start);

    assertThat(registry.get("coach.chat.turn").tags("mode", "blocking", "outcome", "replied").timer().count())
        .isEqualTo(2);
    assertThat(registry.get("coach.chat.turn").tags("mode", "blocking", "outcome", "refused").timer().count())
        .isEqualTo(1);
    assertThat(registry.get("coach.chat.turn").tags("mode", "stream", "outcome", "replied").timer().count())
        .isEqualTo(1);
  }

  @Test
  void givenFirstEventsOfTwoKinds_firstEvent_recordsEachUnderItsOwnTag() {
    long start = System.nanoTime();
    metrics.firstEvent("delta", start);
    metrics.firstEvent("delta", start);
    metrics.firstEvent("tool_call", start);

    assertThat(registry.get("coach.chat.first.event").tags("event", "delta").timer().count()).isEqualTo(2);
    assertThat(registry.get("coach.chat.first.event").tags("event", "tool_call").timer().count()).isEqualTo(1);
  }
}
