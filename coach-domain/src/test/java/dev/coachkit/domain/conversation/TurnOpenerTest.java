package dev.coachkit.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.coaching.CoachKnowledgeWindows;
import dev.coachkit.domain.coaching.GetCoachKnowledgeService;
import dev.coachkit.domain.usage.UsageGuard;
import dev.coachkit.domain.usage.UsageLimits;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeQuery;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.out.conversation.TurnStartReads;
import dev.coachkit.ports.testing.InMemoryCoachDataStore;
import dev.coachkit.ports.testing.InMemoryUsageLedger;
import dev.coachkit.ports.testing.MutableClock;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestIds;
import dev.coachkit.ports.testing.TestUsageEntryFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Opening a turn with one read ({@link TurnOpener#together}, ADR-0026) answers what the knowledge use case and the
 * usage guard answer apart, with one call of the port.
 */
class TurnOpenerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T18:00:00Z"), ZoneId.of("UTC"));
  private final InMemoryCoachDataStore coachData = new InMemoryCoachDataStore();
  private final InMemoryUsageLedger ledger = new InMemoryUsageLedger();
  private final GetCoachKnowledgeService knowledge =
      new GetCoachKnowledgeService(coachData, clock, CoachKnowledgeWindows.standard());
  private final UsageGuard guard = new UsageGuard(ledger, new UsageLimits(10_000, 3, ZoneId.of("UTC")), clock);
  private final AtomicInteger reads = new AtomicInteger();
  private final TurnStartReads counted = (user, window, costSince, responsesSince) -> {
    reads.incrementAndGet();
    return TurnStartReads.separately(coachData, ledger).read(user, window, costSince, responsesSince);
  };
  private final TurnOpener together = TurnOpener.together(counted, knowledge, guard);
  private final TurnOpener separately = TurnOpener.separately(knowledge, guard);
  private final UserId user = TestIds.user();
  private final ConversationId conversation = TestIds.conversation();

  @Test
  void givenCoachDataAndUsageUnderTheLimits_together_answersAsSeparatelyWithOneRead() {
    LocalDate today = LocalDate.of(2026, 1, 5);
    coachData.saveProfile(TestCoachDataFactory.profile(user));
    coachData.saveWorkout(TestCoachDataFactory.workout(user, today.minusDays(1)));
    coachData.saveWorkout(TestCoachDataFactory.workout(user, today.minusDays(30)));
    coachData.saveMeasurement(TestCoachDataFactory.weight(user, 70.0, clock.instant().minusSeconds(3_600)));
    ledger.record(TestUsageEntryFactory.chat(user, conversation, 5_000, clock.instant().minusSeconds(30)));

    TurnOpener.Opening one = together.open(user);
    TurnOpener.Opening two = separately.open(user);

    assertThat(one.knowledge()).isEqualTo(two.knowledge())
        .isEqualTo(knowledge.get(new GetCoachKnowledgeQuery(user)));
    assertThat(one.knowledge().recentWorkouts()).hasSize(1);
    assertThat(one.usageCheck().get()).isEmpty().isEqualTo(two.usageCheck().get());
    assertThat(reads).hasValue(1);
  }

  @Test
  void givenTodaysCostAtTheBudget_together_refusesAsTheGuardDoes() {
    ledger.record(TestUsageEntryFactory.chat(user, conversation, 10_000, Instant.parse("2026-01-05T08:00:00Z")));

    TurnOpener.Opening opening = together.open(user);

    assertThat(opening.usageCheck().get()).isEqualTo(guard.check(user))
        .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(RefusalReason.BUDGET_EXCEEDED));
    assertThat(reads).hasValue(1);
  }

  @Test
  void givenTheRateLimitReached_together_refusesWithTheGuardsRetryAfter() {
    for (int ago : new int[] {40, 20, 10}) {
      ledger.record(TestUsageEntryFactory.chat(user, conversation, 1, clock.instant().minusSeconds(ago)));
    }

    TurnOpener.Opening opening = together.open(user);

    assertThat(opening.usageCheck().get()).isEqualTo(guard.check(user))
        .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(RefusalReason.RATE_LIMITED));
  }

  @Test
  void givenYesterdaysSpendingAnotherUsersAndResponsesEarlierToday_together_allowsTheTurn() {
    ledger.record(TestUsageEntryFactory.chat(user, conversation, 50_000, Instant.parse("2026-01-04T23:59:00Z")));
    for (int i = 0; i < 3; i++) {
      // as many responses as the per-minute limit, but two hours ago
      ledger.record(TestUsageEntryFactory.chat(user, conversation, 1, clock.instant().minusSeconds(7_200 + i)));
    }
    ledger.record(TestUsageEntryFactory.chat(TestIds.user(), conversation, 50_000, clock.instant()));

    assertThat(together.open(user).usageCheck().get()).isEmpty();
  }
}
