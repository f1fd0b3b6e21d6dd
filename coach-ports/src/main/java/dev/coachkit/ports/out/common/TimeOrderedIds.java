package dev.coachkit.ports.out.common;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Version 7 UUIDs (RFC 9562, section 5.7): 48 bits of Unix time in milliseconds, the version, 12 bits of counter,
 * the variant, and 62 random bits. Ids made later sort later, in {@link UUID#compareTo} as in PostgreSQL's
 * {@code uuid} order (unsigned, byte by byte), so a B-tree index on them grows at its right edge: each insert touches
 * the same few recent pages, where random (version 4) ids touch a random leaf of the whole index (ADR-0016).
 *
 * <p>Monotonic within one generator (RFC 9562, section 6.2, method 1): the timestamp and counter are one 60-bit
 * value that only grows. A new millisecond starts the counter at a random value below 2,048 (half its range, room
 * to count up); further ids in the same millisecond add one; a counter that runs out carries into the timestamp, and
 * a clock that steps back is ignored until it passes the last id's time again. Thread-safe, lock-free.
 */
final class TimeOrderedIds implements IdGenerator {

  private static final long COUNTER_BITS = 12;
  private static final int COUNTER_START_BOUND = 1 << (COUNTER_BITS - 1);
  private static final long RANDOM_BITS = 0x3FFF_FFFF_FFFF_FFFFL; // the 62 bits after the variant
  private static final long VERSION_7 = 0x7000L;
  private static final long VARIANT = 0x8000_0000_0000_0000L;

  private final LongSupplier clockMillis;
  private final RandomGenerator random;
  /** The last id's timestamp (high 48 bits of 60) and counter (low 12). */
  private final AtomicLong last = new AtomicLong();

  TimeOrderedIds(LongSupplier clockMillis, RandomGenerator random) {
    this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** With the system clock and a {@link SecureRandom}: the random bits are as hard to guess as a version 4 UUID's. */
  static TimeOrderedIds system() {
    return new TimeOrderedIds(System::currentTimeMillis, new SecureRandom());
  }

  @Override
  public UUID next() {
    long now = clockMillis.getAsLong();
    long stamp;
    while (true) {
      long previous = last.get();
      long candidate = now > (previous >>> COUNTER_BITS)
          ? (now << COUNTER_BITS) | random.nextInt(COUNTER_START_BOUND)
          : previous + 1; // same millisecond, or the clock stepped back: count on (a full counter carries)
      if (last.compareAndSet(previous, candidate)) {
        stamp = candidate;
        break;
      }
    }
    long timestamp = stamp >>> COUNTER_BITS;
    long counter = stamp & ((1L << COUNTER_BITS) - 1);
    long mostSignificant = (timestamp << 16) | VERSION_7 | counter;
    long leastSignificant = VARIANT | (random.nextLong() & RANDOM_BITS);
    return new UUID(mostSignificant, leastSignificant);
  }
}
