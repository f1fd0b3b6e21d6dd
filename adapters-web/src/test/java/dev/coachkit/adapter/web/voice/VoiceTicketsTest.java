package dev.coachkit.adapter.web.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.model.common.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VoiceTicketsTest {
  private static final Duration TTL = Duration.ofSeconds(60);
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
  private final VoiceTickets tickets = new VoiceTickets(clock, TTL);

  @Test
  void givenIssuedTicket_redeem_answersItsUserOnce() {
    VoiceTickets.Ticket ticket = tickets.issue(ALICE).orElseThrow();

    assertThat(tickets.redeem(ticket.value())).contains(ALICE);
    assertThat(tickets.redeem(ticket.value())).as("single use").isEmpty();
  }

  @Test
  void givenIssuedTicket_issue_isBoundToTheCallerAndExpiresAfterTheTtl() {
    VoiceTickets.Ticket ticket = tickets.issue(BOB).orElseThrow();

    assertThat(ticket.userId()).isEqualTo(BOB);
    assertThat(ticket.expiresAt()).isEqualTo(clock.instant().plus(TTL));
    assertThat(ticket.value()).startsWith("vt_").hasSizeGreaterThanOrEqualTo(3 + 43); // 256 bits, base64url
    assertThat(ticket.toString()).doesNotContain(ticket.value());
  }

  @Test
  void givenTicketsOfTwoUsers_redeem_answersEachTicketsOwnUser() {
    VoiceTickets.Ticket alices = tickets.issue(ALICE).orElseThrow();
    VoiceTickets.Ticket bobs = tickets.issue(BOB).orElseThrow();

    assertThat(tickets.redeem(bobs.value())).contains(BOB);
    assertThat(tickets.redeem(alices.value())).contains(ALICE);
  }

  @Test
  void givenTicketJustBeforeExpiry_redeem_works() {
    VoiceTickets.Ticket ticket = tickets.issue(ALICE).orElseThrow();

    clock.advance(TTL.minusMillis(1));

    assertThat(tickets.redeem(ticket.value())).contains(ALICE);
  }

  @Test
  void givenExpiredTicket_redeem_isRefused() {
    VoiceTickets.Ticket ticket = tickets.issue(ALICE).orElseThrow();

    clock.advance(TTL);

    assertThat(tickets.redeem(ticket.value())).isEmpty();
  }

  @Test
  void givenUnknownOrMalformedValue_redeem_isRefused() {
    VoiceTickets.Ticket ticket = tickets.issue(ALICE).orElseThrow();

    assertThat(tickets.redeem(ticket.value() + "x")).isEmpty();
    assertThat(tickets.redeem("vt_forged")).isEmpty();
    assertThat(tickets.redeem("")).isEmpty();
    assertThat(tickets.redeem(null)).isEmpty();
    assertThat(tickets.redeem("vt_" + "a".repeat(200))).isEmpty();
    assertThat(tickets.redeem(ticket.value())).as("failed guesses do not burn the real ticket").contains(ALICE);
  }

  @Test
  void givenTenUnusedTicketsOfAUser_issue_refusesThatUserOnlyUntilTheyExpire() {
    Set<String> values = new HashSet<>();
    for (int i = 0; i < VoiceTickets.MAX_OPEN_PER_USER; i++) {
      values.add(tickets.issue(ALICE).orElseThrow().value());
    }
    assertThat(values).as("every ticket is different").hasSize(VoiceTickets.MAX_OPEN_PER_USER);

    assertThat(tickets.issue(ALICE)).isEmpty();
    assertThat(tickets.issue(BOB)).isPresent();

    clock.advance(TTL);
    Optional<VoiceTickets.Ticket> again = tickets.issue(ALICE);
    assertThat(again).as("expired tickets are purged on issue").isPresent();
    assertThat(tickets.size()).isEqualTo(1);
  }

  @Test
  void givenRedeemedTicket_issue_countsOnlyUnusedOnes() {
    for (int i = 0; i < VoiceTickets.MAX_OPEN_PER_USER; i++) {
      VoiceTickets.Ticket t = tickets.issue(ALICE).orElseThrow();
      assertThat(tickets.redeem(t.value())).contains(ALICE);
    }

    assertThat(tickets.issue(ALICE)).isPresent();
  }

  @Test
  void givenNonPositiveTtl_construct_isRejected() {
    assertThatThrownBy(() -> new VoiceTickets(clock, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
