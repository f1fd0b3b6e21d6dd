package dev.coachkit.adapter.web.voice;

import dev.coachkit.ports.model.common.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived, single-use tickets that let a browser open the voice WebSocket (browsers cannot send an
 * {@code Authorization} header there). Held in this instance's memory: a ticket works only on the instance that
 * issued it, see ADR-0009.
 */
final class VoiceTickets {

  /** An issued ticket: its secret value, whom it authenticates, and until when. */
  record Ticket(String value, UserId userId, Instant expiresAt) {
    Ticket {
      Objects.requireNonNull(value, "value must not be null");
      Objects.requireNonNull(userId, "userId must not be null");
      Objects.requireNonNull(expiresAt, "expiresAt must not be null");
    }

    @Override
    public String toString() {
      return "Ticket[value=***, userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
  }

  static final int MAX_OPEN_PER_USER = 10;
  static final int MAX_OPEN = 100_000;

  private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration ttl;

  VoiceTickets(Clock clock, Duration ttl) {
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.ttl = Objects.requireNonNull(ttl, "ttl must not be null");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive");
    }
  }

  /** Issues a new ticket for the user; empty when the user (or the instance) holds too many unused ones. */
  Optional<Ticket> issue(UserId userId) {
    Objects.requireNonNull(userId, "userId must not be null");
    Instant now = clock.instant();
    purgeExpired(now);
    long open = tickets.values().stream().filter(t -> t.userId().equals(userId)).count();
    if (open >= MAX_OPEN_PER_USER || tickets.size() >= MAX_OPEN) {
      return Optional.empty();
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    Ticket ticket = new Ticket("vt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret), userId,
        now.plus(ttl));
    tickets.put(ticket.value(), ticket);
    return Optional.of(ticket);
  }

  /** Redeems a ticket: at most once, and only before it expires. */
  Optional<UserId> redeem(String value) {
    if (value == null || value.isEmpty() || value.length() > 128) {
      return Optional.empty();
    }
    Ticket ticket = tickets.remove(value);
    if (ticket == null || !clock.instant().isBefore(ticket.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(ticket.userId());
  }

  int size() {
    return tickets.size();
  }

  private void purgeExpired(Instant now) {
    for (Iterator<Ticket> it = tickets.values().iterator(); it.hasNext(); ) {
      if (!now.isBefore(it.next().expiresAt())) {
        it.remove();
      }
    }
  }
}
