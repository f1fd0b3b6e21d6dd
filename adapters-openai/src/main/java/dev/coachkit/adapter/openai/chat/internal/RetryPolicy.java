package dev.coachkit.adapter.openai.chat.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How often and how long to wait before retrying one provider: exponential backoff with jitter, or the provider's
 * {@code Retry-After} when it sent one (up to {@code maxRetryAfter}).
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double multiplier,
    double jitter,
    Duration maxRetryAfter) {

  /** Three attempts, 0.5 s doubling to at most 8 s, half jitter, Retry-After honoured up to 20 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8), 2.0, 0.5, Duration.ofSeconds(20));

  /** One attempt only. */
  public static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), 1.0, 0.0, Duration.ZERO);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1 but was " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff must not be null");
    Objects.requireNonNull(maxBackoff, "maxBackoff must not be null");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter must not be null");
    if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must be >= initialBackoff");
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be >= 1 but was " + multiplier);
    }
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("jitter must be within 0..1 but was " + jitter);
    }
  }

  /** The same policy with another attempt count. */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, initialBackoff, maxBackoff, multiplier, jitter, maxRetryAfter);
  }

  /**
   * The wait before retry number {@code retry} (1 = the first retry): the provider's retry-after if given, else
   * {@code min(maxBackoff, initial * multiplier^(retry-1))} minus up to {@code jitter} of it, scaled by
   * {@code random} (0..1).
   */
  public Duration delayBefore(int retry, Optional<Duration> retryAfter, double random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be >= 1 but was " + retry);
    }
    if (retryAfter.isPresent()) {
      return retryAfter.get().isNegative() ? Duration.ZERO : retryAfter.get();
    }
    double base = initialBackoff.toMillis() * Math.pow(multiplier, retry - 1);
    double capped = Math.min(base, maxBackoff.toMillis());
    double jittered = capped * (1.0 - jitter * Math.max(0.0, Math.min(1.0, random)));
    return Duration.ofMillis(Math.round(jittered));
  }

  /** Whether a provider's retry-after is too long to wait for inside a turn. */
  public boolean tooLong(Duration retryAfter) {
    return retryAfter.compareTo(maxRetryAfter) > 0;
  }
}
