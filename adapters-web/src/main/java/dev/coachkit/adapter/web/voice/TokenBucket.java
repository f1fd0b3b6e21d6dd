package dev.coachkit.adapter.web.voice;

/**
 * A token bucket on a nanosecond clock: {@code ratePerSecond} tokens flow in, at most {@code capacity} are held.
 * Not thread-safe; a connection's messages are handled one at a time.
 */
final class TokenBucket {
  private final double ratePerNano;
  private final double capacity;
  private double tokens;
  private long lastNanos;

  TokenBucket(double ratePerSecond, double capacity, long nowNanos) {
    if (ratePerSecond <= 0 || capacity <= 0) {
      throw new IllegalArgumentException("ratePerSecond and capacity must be positive");
    }
    this.ratePerNano = ratePerSecond / 1_000_000_000.0;
    this.capacity = capacity;
    this.tokens = capacity;
    this.lastNanos = nowNanos;
  }

  /** Takes {@code amount} tokens if there are enough; otherwise takes none and answers false. */
  boolean tryTake(double amount, long nowNanos) {
    long elapsed = nowNanos - lastNanos;
    if (elapsed > 0) {
      tokens = Math.min(capacity, tokens + elapsed * ratePerNano);
      lastNanos = nowNanos;
    }
    if (tokens >= amount) {
      tokens -= amount;
      return true;
    }
    return false;
  }
}
