package dev.coachkit.ports.model.usage;

import dev.coachkit.ports.model.common.Require;

/** The two figures a turn's budget and rate-limit checks need: cost in micro-USD and a count of model responses. */
public record UsageTally(long costMicros, long responses) {
  public UsageTally {
    Require.nonNegative(costMicros, "costMicros");
    Require.nonNegative(responses, "responses");
  }
}
