package dev.coachkit.ports.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A thread-safe clock that stands still until a test sets or advances it. */
public final class MutableClock extends Clock {
  /** The default start: a Monday morning, UTC. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-05T09:00:00Z");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  public MutableClock(Instant start, ZoneId zone) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  public MutableClock(Instant start) {
    this(start, ZoneOffset.UTC);
  }

  public MutableClock() {
    this(DEFAULT_START);
  }

  /** Moves time forward (or back, with a negative duration) and returns the new instant. */
  public Instant advance(Duration duration) {
    return now.updateAndGet(i -> i.plus(duration));
  }

  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view on the same time source in another zone; advancing either advances both. */
  @Override
  public Clock withZone(ZoneId newZone) {
    MutableClock view = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return newZone;
      }

      @Override
      public Clock withZone(ZoneId z) {
        return view.withZone(z);
      }

      @Override
      public Instant instant() {
        return view.instant();
      }
    };
  }
}
