package dev.coachkit.ports.model.realtime;

import dev.coachkit.ports.model.common.Require;
import java.time.Duration;

/** One provider rate limit as last reported, e.g. name "tokens". */
public record RateLimit(String name, long limit, long remaining, Duration resetIn) {
  public RateLimit {
    Require.text(name, "name", 64);
    Require.nonNegative(limit, "limit");
    Require.nonNegative(remaining, "remaining");
    Require.nonNull(resetIn, "resetIn");
  }
}
