package dev.coachkit.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.testing.InMemoryUsageLedger;
import dev.coachkit.ports.testing.MutableClock;
import dev.coachkit.ports.testing.TestIds;
import dev.coachkit.ports.testing.TestUsageEntryFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageGuardTest {
  private final InMemoryUsageLedger ledger = new InMemoryUsageLedger();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T18:00:00Z"));
  private final UserId user = TestIds.user();
  private final ConversationId conversation = TestIds.conversation();
  private final UsageGuard guard = new UsageGuard(ledger, new UsageLimits(10_000, 3, ZoneId.of("UTC")), clock);

  @Test
  void givenNoUsage_check_allowsTheTurn() {
    assertThat(guard.check(user)).isEmpty();
  }

  @Test
  void givenTodaysCostAtTheBudget_check_refusesWithBudgetExceededUntilMidnight() {
    ledger.record(TestUsageEntryFactory.chat(user, conversation, 10_000, Instant.parse("2026-01-05T08:00:00Z")));

    Optional<Refusal> refusal = guard.check(user);

    assertThat(refusal).hasValueSatisfying(r -> {
      assertThat(r.reason()).isEqualTo(RefusalReason.BUDGET_EXCEEDED);
      assertThat(r.message()).contains("daily");
      assertThat(r.retryAfter()).contains(Duration.ofHours(6));
    });
  }

  @Test
  void givenYesterdaysCostOverTheBudget_check_allowsTheTurnToday() {
    ledger.record(TestUsageEntryFactory.chat(user, conversation, 50_000, Instant.parse("2026-01-04T23:59:00Z")));

    assertThat(guard.check(user)).isEmpty();
  }

  @Test
  void givenAnotherUsersSpending_check_allowsTheTurn() {
    ledger.record(TestUsageEntryFactory.chat(TestIds.user(), conversation, 50_000, clock.instant()));

    assertThat(guard.check(user)).isEmpty();
  }

  @Test
  void givenTheRateLimitReachedInTheLastMinute_check_refusesWithRetryAfterUntilTheOldestLeavesTheWindow() {
    ledger.record(TestUsageEntryFactory.chat(user, conversation, 1, clock.instant().minusSeconds(40)));
    ledger.record(TestUsageEntryFactory.chat(user, conversation, 1, clock.instant().minusSeconds(10)));
    ledger.record(TestUsageEntryFactory.chat(user, conversation, 1, clock.instant().minusSeconds(5)));

    Optional<Refusal> refusal = guard.check(user);

    assertThat(refusal).hasValueSatisfying(r -> {
      assertThat(r.reason()).isEqualTo(RefusalReason.RATE_LIMITED);
      assertThat(r.retryAfter()).contains(Duration.ofSeconds(21));
    });
    clock.advance(Duration.ofSeconds(21));
    assertThat(guard.check(user)).isEmpty();
  }

  @Test
  void givenResponsesOlderThanAMinute_check_allowsTheTurn() {
    for (int i = 0; i < 5; i++) {
      ledger.record(TestUsageEntryFactory.chat(user, conversation, 1, clock.instant().minusSeconds(61 + i)));
    }

    assertThat(guard.check(user)).isEmpty();
  }

  @Test
  void givenADayZone_check_startsTheBudgetDayAtLocalMidnight() {
    UsageGuard madrid = new UsageGuard(ledger, new UsageLimits(10_000, 3, ZoneId.of("Europe/Madrid")), clock);
    // 2026-01-04T23:30Z is 00:30 on the 5th in Madrid: today there, yesterday in UTC
    ledger.record(TestUsageEntryFactory.chat(user, conversation, 10_000, Instant.parse("2026-01-04T23:30:00Z")));

    assertThat(madrid.check(user)).map(Refusal::reason).contains(RefusalReason.BUDGET_EXCEEDED);
    assertThat(guard.check(user)).isEmpty();
  }
}
