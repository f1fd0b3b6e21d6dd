package dev.coachkit.domain.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.coaching.TestCoachWorld;
import dev.coachkit.ports.in.coaching.CheckInResult;
import dev.coachkit.ports.in.coaching.SummarizeCheckInCommand;
import dev.coachkit.ports.model.coaching.CheckInSummary;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.ModelMessage;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummarizeCheckInServiceTest {
  static final String SUMMARY = "{\"adherencePercent\":75,\"wins\":[\"three workouts\"],"
      + "\"obstacles\":[\"late dinners\"],\"preferences\":[\"morning sessions\"],\"mood\":\"a bit stressed\","
      + "\"energy\":null,\"openQuestions\":[\"should I eat before training?\"]}";
  static final LocalDate MONDAY = TestCoachDataFactory.MONDAY;
  static final Instant TUESDAY_NOON = Instant.parse("2026-01-06T12:00:00Z");

  private final TestCoachWorld world = new TestCoachWorld();
  private final SummarizeCheckInService service = world.summarizer();
  private final UserId user = TestIds.user();

  private SummarizeCheckInCommand week() {
    return new SummarizeCheckInCommand(user, MONDAY, MONDAY.plusDays(6));
  }

  @Test
  void givenAWeekOfConversation_summarize_storesTheStructuredSummary() {
    world.conversation(user, TUESDAY_NOON, "Did three workouts but dinners ran late. Feeling a bit stressed.",
        "Well done on the workouts!");
    world.clock.set(Instant.parse("2026-01-12T06:00:00Z"));
    world.model.thenReply(SUMMARY);

    CheckInResult result = service.summarize(week());

    assertThat(result).isInstanceOf(CheckInResult.Summarized.class);
    CheckInSummary summary = ((CheckInResult.Summarized) result).summary();
    assertThat(summary.adherencePercent()).contains(75);
    assertThat(summary.wins()).containsExactly("three workouts");
    assertThat(summary.obstacles()).containsExactly("late dinners");
    assertThat(summary.preferences()).containsExactly("morning sessions");
    assertThat(summary.mood()).contains("a bit stressed");
    assertThat(summary.energy()).isEmpty();
    assertThat(summary.openQuestions()).containsExactly("should I eat before training?");
    assertThat(summary.periodStart()).isEqualTo(MONDAY);
    assertThat(summary.periodEnd()).isEqualTo(MONDAY.plusDays(6));
    assertThat(summary.createdAt()).isEqualTo(world.clock.instant());
    assertThat(world.coachData.latestCheckIn(user)).contains(summary);
  }

  @Test
  void givenMessagesOutsideThePeriod_summarize_sendsOnlyThePeriodsMessagesFromEveryConversation() {
    world.conversation(user, TUESDAY_NOON.minus(Duration.ofDays(7)), "Last week's news");
    world.conversation(user, TUESDAY_NOON, "This week in text");
    world.conversation(user, TUESDAY_NOON.plus(Duration.ofDays(1)), "This week again");
    world.conversation(user, TUESDAY_NOON.plus(Duration.ofDays(7)), "Next week's news");
    world.conversation(TestIds.user(), TUESDAY_NOON, "Someone else's week");
    world.model.thenReply(SUMMARY);

    service.summarize(week());

    ModelRequest request = world.model.lastRequest();
    String input = ((ModelMessage.UserText) request.history().get(0)).text();
    assertThat(input).contains("This week in text").contains("This week again")
        .doesNotContain("Last week's news").doesNotContain("Next week's news").doesNotContain("Someone else's");
    assertThat(input.indexOf("This week in text")).isLessThan(input.indexOf("This week again"));
    assertThat(request.responseSchema().orElseThrow().name()).isEqualTo("check_in_summary");
  }

  @Test
  void givenNothingSaidInThePeriod_summarize_isRefusedWithoutAskingTheModel() {
    world.conversation(user, TUESDAY_NOON.minus(Duration.ofDays(14)), "Old news");

    CheckInResult result = service.summarize(week());

    assertThat(result).isInstanceOf(CheckInResult.Refused.class);
    assertThat(((CheckInResult.Refused) result).refusal().message()).startsWith("nothing to summarise");
    assertThat(world.model.requests()).isEmpty();
    assertThat(world.coachData.latestCheckIn(user)).isEmpty();
  }

  @Test
  void givenMalformedModelJson_summarize_isRefusedAndStoresNothing() {
    world.conversation(user, TUESDAY_NOON, "Good week");
    world.model.thenReply("{\"adherencePercent\": 75,");

    CheckInResult result = service.summarize(week());

    assertThat(result).isInstanceOf(CheckInResult.Refused.class);
    assertThat(((CheckInResult.Refused) result).refusal().reason()).isEqualTo(RefusalReason.MODEL_UNAVAILABLE);
    assertThat(world.coachData.latestCheckIn(user)).isEmpty();
  }

  @Test
  void givenAdherenceOutOfRange_summarize_isRefusedAndStoresNothing() {
    world.conversation(user, TUESDAY_NOON, "Good week");
    world.model.thenReply(SUMMARY.replace("75", "175"));

    CheckInResult result = service.summarize(week());

    assertThat(result).isInstanceOf(CheckInResult.Refused.class);
    assertThat(((CheckInResult.Refused) result).refusal().message()).contains("adherencePercent");
    assertThat(world.coachData.latestCheckIn(user)).isEmpty();
  }

  @Test
  void givenTheModelIsDown_summarize_isRefusedWithItsRetryHint() {
    world.conversation(user, TUESDAY_NOON, "Good week");
    world.model.thenFail(new ModelFailure(ModelFailure.Kind.RATE_LIMITED, "openai", "slow down",
        Optional.of(Duration.ofSeconds(20)), null));

    CheckInResult result = service.summarize(week());

    assertThat(result).isInstanceOf(CheckInResult.Refused.class);
    assertThat(((CheckInResult.Refused) result).refusal().reason()).isEqualTo(RefusalReason.MODEL_UNAVAILABLE);
    assertThat(((CheckInResult.Refused) result).refusal().retryAfter()).contains(Duration.ofSeconds(20));
  }

  @Test
  void givenOverlongEntries_summarize_keepsAtMostTwentyShortEntries() {
    world.conversation(user, TUESDAY_NOON, "Good week");
    StringBuilder wins = new StringBuilder("[");
    for (int i = 0; i < 30; i++) {
      wins.append(i == 0 ? "" : ",").append('"').append("w".repeat(600)).append('"');
    }
    wins.append(']');
    world.model.thenReply(SUMMARY.replace("[\"three workouts\"]", wins.toString()));

    CheckInSummary summary = ((CheckInResult.Summarized) service.summarize(week())).summary();

    assertThat(summary.wins()).hasSize(20).allMatch(w -> w.length() <= 500);
  }
}
