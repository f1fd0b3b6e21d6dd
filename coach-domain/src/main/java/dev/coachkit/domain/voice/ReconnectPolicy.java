package dev.coachkit.domain.voice;

import java.time.Duration;
import java.util.Objects;

/**
 * How a call reconnects after its upstream connection drops: at most {@code maxAttempts} attempts, waiting
 * {@code initialBackoff × 2^(attempt-1)} (capped at {@code maxBackoff}) before each, varied by ± {@code jitter}
 * (a fraction, 0..1) so that many calls dropped together do not reconnect in lockstep.
 */
public record ReconnectPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter) {
  public ReconnectPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff must not be null");
    Objects.requireNonNull(maxBackoff, "maxBackoff must not be null");
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("backoffs must satisfy 0 <= initialBackoff <= maxBackoff");
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
    }
  }

  /** Five attempts, 0.5 s doubling up to 8 s, ± 20 %. */
  public static ReconnectPolicy defaults() {
    return new ReconnectPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8), 0.2);
  }

  /**
   * The wait before this attempt (from 1).
   *
   * @param random a number in [0, 1) that picks the jitter
   */
  public Duration backoff(int attempt, double random) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
    }
    long base = initialBackoff.toMillis();
    long capped = maxBackoff.toMillis();
    long exponential = attempt > 31 ? capped : Math.min(capped, base * (1L << (attempt - 1)));
    double factor = 1 + jitter * (2 * random - 1);
    return Duration.ofMillis(Math.max(0, Math.round(exponential * factor)));
  }
}
