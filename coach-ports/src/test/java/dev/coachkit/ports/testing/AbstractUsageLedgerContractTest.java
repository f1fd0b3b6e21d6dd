package dev.coachkit.ports.testing;

import static dev.coachkit.ports.testing.TestConversationFactory.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.usage.UsageEntry;
import dev.coachkit.ports.model.usage.UsageSummary;
import dev.coachkit.ports.model.usage.UsageTally;
import dev.coachkit.ports.out.usage.UsageLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract every {@link UsageLedger} must meet. */
public abstract class AbstractUsageLedgerContractTest {
  protected UsageLedger ledger;
  protected UserId alice;
  protected UserId bob;

  protected abstract UsageLedger newStore();

  @BeforeEach
  void setUpStore() {
    ledger = newStore();
    alice = TestIds.user();
    bob = TestIds.user();
  }

  @Test
  void givenEntriesInAndAroundAPeriod_summarize_addsUpOnlyThoseInsideTheHalfOpenPeriod() {
    ConversationId c = TestIds.conversation();
    ledger.record(TestUsageEntryFactory.chat(alice, c, 100, T0.minusSeconds(1)));
    ledger.record(TestUsageEntryFactory.chat(alice, c, 200, T0));
    ledger.record(TestUsageEntryFactory.voice(alice, TestIds.voiceSession(), 300, T0.plusSeconds(30)));
    ledger.record(TestUsageEntryFactory.chat(alice, c, 400, T0.plusSeconds(60)));
    ledger.record(TestUsageEntryFactory.chat(bob, c, 999, T0.plusSeconds(10)));

    UsageSummary s = ledger.summarize(alice, T0, T0.plusSeconds(60));

    assertThat(s.responses()).isEqualTo(2);
    assertThat(s.costMicros()).isEqualTo(500);
    assertThat(s.tokens()).isEqualTo(TokenUsage.text(1_000, 200, 300).plus(new TokenUsage(2_000, 100, 800, 1_500,
        600)));
    assertThat(s.audioSecondsIn()).isEqualTo(4.5);
    assertThat(s.audioSecondsOut()).isEqualTo(3.25);
  }

  @Test
  void givenSameEntryTwice_record_countsItOnce() {
    UsageEntry e = TestUsageEntryFactory.chat(alice, TestIds.conversation(), 100, T0);

    ledger.record(e);
    ledger.record(e);

    assertThat(ledger.entriesOf(alice)).containsExactly(e);
    assertThat(ledger.costSince(alice, T0)).isEqualTo(100);
    assertThat(ledger.tally(alice, T0, T0)).isEqualTo(new UsageTally(100, 1));
  }

  @Test
  void givenEntriesOfTwoSessions_summarizeSession_addsUpOnlyThatSessionOfThatUser() {
    VoiceSessionId session = TestIds.voiceSession();
    ledger.record(TestUsageEntryFactory.voice(alice, session, 300, T0));
    ledger.record(TestUsageEntryFactory.voice(alice, session, 200, T0.plusSeconds(5)));
    ledger.record(TestUsageEntryFactory.voice(alice, TestIds.voiceSession(), 1_000, T0));

    assertThat(ledger.summarizeSession(alice, session).costMicros()).isEqualTo(500);
    assertThat(ledger.summarizeSession(alice, session).responses()).isEqualTo(2);
    assertThat(ledger.summarizeSession(bob, session)).isEqualTo(UsageSummary.EMPTY);
  }

  @Test
  void givenEntries_costAndCountSince_includeEntriesAtOrAfterTheInstant() {
    ConversationId c = TestIds.conversation();
    ledger.record(TestUsageEntryFactory.chat(alice, c, 100, T0.minus(Duration.ofDays(1))));
    ledger.record(TestUsageEntryFactory.chat(alice, c, 200, T0));
    ledger.record(TestUsageEntryFactory.chat(alice, c, 300, T0.plusSeconds(1)));
    ledger.record(TestUsageEntryFactory.chat(bob, c, 5_000, T0.plusSeconds(1)));

    assertThat(ledger.costSince(alice, T0)).isEqualTo(500);
    assertThat(ledger.countResponsesSince(alice, T0)).isEqualTo(2);
    assertThat(ledger.countResponsesSince(alice, T0.plusSeconds(2))).isZero();
  }

  @Test
  void givenEntries_tally_answersCostSinceOneInstantAndResponsesSinceAnother() {
    ConversationId c = TestIds.conversation();
    ledger.record(TestUsageEntryFactory.chat(alice, c, 100, T0.minus(Duration.ofDays(1))));
    ledger.record(TestUsageEntryFactory.chat(alice, c, 200, T0));
    ledger.record(TestUsageEntryFactory.chat(alice, c, 300, T0.plusSeconds(30)));
    ledger.record(TestUsageEntryFactory.chat(alice, c, 400, T0.plusSeconds(61)));
    ledger.record(TestUsageEntryFactory.chat(bob, c, 5_000, T0.plusSeconds(61)));

    UsageTally tally = ledger.tally(alice, T0, T0.plusSeconds(30));

    assertThat(tally).isEqualTo(new UsageTally(900, 2));
    assertThat(tally).isEqualTo(new UsageTally(ledger.costSince(alice, T0),
        ledger.countResponsesSince(alice, T0.plusSeconds(30))));
    assertThat(ledger.tally(alice, T0.plusSeconds(62), T0.plusSeconds(62))).isEqualTo(new UsageTally(0, 0));
  }

  @Test
  void givenEntriesAcrossSeveralQuarterHours_tallySinceAnyInstant_countsExactlyTheEntriesAtOrAfterIt() {
    ConversationId c = TestIds.conversation();
    // T0 starts a quarter hour; the others fall before, inside and after later quarter-hour boundaries
    Instant[] at = {T0.minusNanos(1_000), T0, T0.plusSeconds(7 * 60), T0.plusSeconds(7 * 60 + 1),
        T0.plusSeconds(15 * 60 - 1), T0.plusSeconds(15 * 60), T0.plusSeconds(20 * 60), T0.plus(Duration.ofHours(26))};
    long[] cost = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};
    for (int i = 0; i < at.length; i++) {
      ledger.record(TestUsageEntryFactory.chat(alice, c, cost[i], at[i]));
    }
    ledger.record(TestUsageEntryFactory.chat(bob, c, 5_000, T0.plusSeconds(60)));
    ledger.record(TestUsageEntryFactory.chat(alice, c, 7, T0.minus(Duration.ofDays(1))));

    for (int since = 0; since < at.length; since++) {
      long expected = 0;
      for (int i = since; i < at.length; i++) {
        expected += cost[i];
      }
      assertThat(ledger.tally(alice, at[since], at[since]).costMicros()).as("cost since " + at[since])
          .isEqualTo(expected);
      assertThat(ledger.tally(alice, at[since], at[since]).responses()).as("responses since " + at[since])
          .isEqualTo(at.length - since);
    }
    assertThat(ledger.tally(alice, T0.plusSeconds(7 * 60).plusNanos(1_000), T0.plus(Duration.ofHours(27))))
        .isEqualTo(new UsageTally(1_000 + 10_000 + 100_000 + 1_000_000 + 10_000_000, 0));
  }

  @Test
  void givenEntriesWithinAndAcrossSeconds_tallySinceAnyInstant_countsExactlyTheEntriesAtOrAfterIt() {
    ConversationId c = TestIds.conversation();
    // T0 starts a quarter hour (and so a second); entries inside seconds, on second boundaries, a microsecond either
    // side of them, several in one second, and across the next quarter-hour boundary
    Instant[] at = {T0.minusMillis(1_500), T0.minusNanos(1_000), T0, T0.plusNanos(1_000), T0.plusMillis(250),
        T0.plusMillis(250), T0.plusMillis(999), T0.plusSeconds(1), T0.plusMillis(1_500), T0.plusMillis(59_999),
        T0.plusSeconds(60), T0.plusSeconds(899).plusMillis(500), T0.plusSeconds(900), T0.plusSeconds(900).plusMillis(1),
        T0.plusSeconds(961).plusMillis(700)};
    for (int i = 0; i < at.length; i++) {
      ledger.record(TestUsageEntryFactory.chat(alice, c, 1L << i, at[i]));
    }
    ledger.record(TestUsageEntryFactory.chat(bob, c, 5_000, T0.plusMillis(250)));

    List<Instant> since = new ArrayList<>(List.of(at));
    for (Instant a : at) {
      since.add(a.minusNanos(1_000));
      since.add(a.plusNanos(1_000));
      since.add(a.plusMillis(500));
    }
    for (Instant s : since) {
      long cost = 0;
      long responses = 0;
      for (int i = 0; i < at.length; i++) {
        if (!at[i].isBefore(s)) {
          cost += 1L << i;
          responses++;
        }
      }
      assertThat(ledger.tally(alice, s, s)).as("since " + s).isEqualTo(new UsageTally(cost, responses));
      assertThat(ledger.tally(alice, s, T0.plusSeconds(60)).costMicros()).as("cost since " + s).isEqualTo(cost);
    }
  }

  @Test
  void givenNoEntries_summarize_isEmpty() {
    assertThat(ledger.summarize(alice, T0, T0.plusSeconds(1))).isEqualTo(UsageSummary.EMPTY);
    assertThat(ledger.costSince(alice, T0)).isZero();
  }

  @Test
  void givenTwoUsersEntries_deleteAllOf_removesOnlyThatUsers() {
    ledger.record(TestUsageEntryFactory.chat(alice, TestIds.conversation(), 100, T0));
    UsageEntry bobs = TestUsageEntryFactory.chat(bob, TestIds.conversation(), 100, T0);
    ledger.record(bobs);

    ledger.deleteAllOf(alice);

    assertThat(ledger.entriesOf(alice)).isEmpty();
    assertThat(ledger.entriesOf(bob)).containsExactly(bobs);
  }
}
