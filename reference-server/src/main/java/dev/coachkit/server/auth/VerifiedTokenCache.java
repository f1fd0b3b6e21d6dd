package dev.coachkit.server.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was learnt from bearer tokens that passed verification, for a short while: a token byte-for-byte equal to one
 * that verified gets the same answer without its signature and claims being checked again, until the earliest of
 * the token's own expiry, its maximum age when one is configured, and the cache's time to live (ADR 0021).
 *
 * <p>Only verified tokens are ever stored, so invalid tokens cannot fill it; it holds at most {@code maxEntries}
 * (expired entries are dropped when it is full, and a token that finds it still full is simply not cached). Keys are
 * SHA-256 digests of the tokens, so a look-up compares digests, never a secret with a secret. Thread-safe.
 *
 * @param <V> what is remembered for a token
 */
final class VerifiedTokenCache<V> {

  private record Key(long a, long b, long c, long d) {}

  private record Entry<V>(V value, Instant expiresAt) {}

  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  });

  private final ConcurrentHashMap<Key, Entry<V>> entries = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final int maxEntries;
  private final Optional<Duration> maxTokenAge;
  private final Clock clock;

  /**
   * @param ttl how long an entry may be used at most; zero turns the cache off
   * @param maxEntries at most this many tokens are remembered
   * @param maxTokenAge the verifier's maximum token age since {@code iat}, if it enforces one
   */
  VerifiedTokenCache(Duration ttl, int maxEntries, Optional<Duration> maxTokenAge, Clock clock) {
    this.ttl = Objects.requireNonNull(ttl, "ttl must not be null");
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must not be negative: " + ttl);
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.maxTokenAge = Objects.requireNonNull(maxTokenAge, "maxTokenAge must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  /** False when configured with a zero time to live: nothing is stored or found. */
  boolean enabled() {
    return !ttl.isZero();
  }

  /** What was remembered for exactly this token, unless that has expired. */
  Optional<V> find(String token) {
    if (!enabled()) {
      return Optional.empty();
    }
    Key key = key(token);
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.expiresAt())) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  /**
   * Remembers what a token that just passed verification yielded.
   *
   * @param expiresAt the token's {@code exp}
   * @param issuedAt the token's {@code iat}, if it has one
   * @return whether it was stored (not when the cache is off or full, or the token is already expired)
   */
  boolean remember(String token, V value, Instant expiresAt, Optional<Instant> issuedAt) {
    Objects.requireNonNull(value, "value must not be null");
    Objects.requireNonNull(expiresAt, "expiresAt must not be null");
    if (!enabled()) {
      return false;
    }
    Instant now = clock.instant();
    Instant until = earliest(expiresAt, now.plus(ttl));
    if (maxTokenAge.isPresent()) {
      if (issuedAt.isEmpty()) {
        return false;
      }
      until = earliest(until, issuedAt.get().plus(maxTokenAge.get()));
    }
    if (!now.isBefore(until)) {
      return false;
    }
    if (entries.size() >= maxEntries) {
      entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
      if (entries.size() >= maxEntries) {
        return false;
      }
    }
    entries.put(key(token), new Entry<>(value, until));
    return true;
  }

  /** How many tokens are remembered now, expired ones not yet dropped included. */
  int size() {
    return entries.size();
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Key key(String token) {
    MessageDigest sha = SHA_256.get();
    ByteBuffer digest = ByteBuffer.wrap(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
    return new Key(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
  }
}
