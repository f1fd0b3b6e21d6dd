package dev.coachkit.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.in.usage.GetUsageQuery;
import dev.coachkit.ports.in.usage.UsageReport;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.usage.UsageEntry;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.testing.InMemoryUsageLedger;
import dev.coachkit.ports.testing.TestIds;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageRecorderTest {
  private final InMemoryUsageLedger ledger = new InMemoryUsageLedger();
  private final UsageRecorder recorder =
      new UsageRecorder(ledger, PriceTable.of(PriceTableTest.GPT_4O, PriceTableTest.REALTIME), IdGenerator.random());
  private final UserId user = TestIds.user();
  private final Instant at = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void givenAChatResponse_recordChat_writesOnePricedLedgerEntryForTheConversation() {
    ConversationId conversation = TestIds.conversation();

    UsageEntry entry = recorder.recordChat(user, conversation, "gpt-4o", TokenUsage.text(1_000, 400, 500), at);

    assertThat(entry.costMicros()).isEqualTo(7_000);
    assertThat(entry.conversationId()).contains(conversation);
    assertThat(ledger.entriesOf(user)).containsExactly(entry);
  }

  @Test
  void givenRecordedUsage_getUsage_sumsThePeriodAndOneSession() {
    VoiceSessionId session = TestIds.voiceSession();
    recorder.recordChat(user, TestIds.conversation(), "gpt-4o", TokenUsage.text(1_000, 400, 500), at);
    recorder.record(user, Optional.empty(), Optional.of(session), "gpt-realtime",
        new TokenUsage(1_000, 0, 1_000, 800, 900), 12.5, 20, at.plusSeconds(60));
    recorder.recordChat(user, TestIds.conversation(), "gpt-4o", TokenUsage.text(10, 0, 10), at.minusSeconds(3_600));
    GetUsageService usage = new GetUsageService(ledger);

    UsageReport period = usage.get(new GetUsageQuery(user, at, at.plusSeconds(3_600), Optional.empty()));
    UsageReport oneSession = usage.get(new GetUsageQuery(user, at, at.plusSeconds(3_600), Optional.of(session)));
    UsageReport otherUser = usage.get(new GetUsageQuery(TestIds.user(), at, at.plusSeconds(3_600),
        Optional.of(session)));

    assertThat(period.total().responses()).isEqualTo(2);
    assertThat(period.total().costMicros()).isEqualTo(7_000 + 85_600);
    assertThat(period.total().tokens().outputTokens()).isEqualTo(1_500);
    assertThat(oneSession.total().responses()).isEqualTo(1);
    assertThat(oneSession.total().audioSecondsIn()).isEqualTo(12.5);
    assertThat(otherUser.total().responses()).isZero();
  }
}
