package dev.coachkit.domain.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.coaching.TestCoachWorld;
import dev.coachkit.ports.in.followup.ScheduleFollowUpCommand;
import dev.coachkit.ports.in.followup.ScheduleFollowUpResult;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.followup.FollowUp;
import dev.coachkit.ports.model.followup.FollowUpStatus;
import dev.coachkit.ports.testing.TestConversationFactory;
import dev.coachkit.ports.testing.TestIds;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleFollowUpServiceTest {
  private final TestCoachWorld world = new TestCoachWorld();
  private final ScheduleFollowUpService service = new ScheduleFollowUpService(world.followUps, world.conversations,
      world.ids, world.clock, ScheduleFollowUpService.DEFAULT_HORIZON);
  private final UserId user = TestIds.user();

  private ScheduleFollowUpResult schedule(Duration fromNow, Optional<ConversationId> source) {
    return service.schedule(new ScheduleFollowUpCommand(user, world.clock.instant().plus(fromNow), " knee check ",
        source));
  }

  @Test
  void givenAFutureTimeAndTheUsersConversation_schedule_storesAScheduledFollowUp() {
    ConversationId conversation = world.conversation(user, TestConversationFactory.T0, "Remind me");

    ScheduleFollowUpResult result = schedule(Duration.ofDays(2), Optional.of(conversation));

    FollowUp followUp = ((ScheduleFollowUpResult.Scheduled) result).followUp();
    assertThat(followUp.status()).isEqualTo(FollowUpStatus.SCHEDULED);
    assertThat(followUp.topic()).isEqualTo("knee check");
    assertThat(followUp.sourceConversationId()).contains(conversation);
    assertThat(world.followUps.list(user)).containsExactly(followUp);
  }

  @Test
  void givenATimeInThePast_schedule_isRefusedAsInvalid() {
    ScheduleFollowUpResult result = schedule(Duration.ofMinutes(-1), Optional.empty());

    assertThat(((ScheduleFollowUpResult.Refused) result).refusal().reason())
        .isEqualTo(RefusalReason.INVALID_REQUEST);
    assertThat(world.followUps.list(user)).isEmpty();
  }

  @Test
  void givenATimeBeyondTheHorizon_schedule_isRefusedAsInvalid() {
    ScheduleFollowUpResult result = schedule(Duration.ofDays(400), Optional.empty());

    assertThat(result).isInstanceOf(ScheduleFollowUpResult.Refused.class);
  }

  @Test
  void givenAnotherUsersConversation_schedule_isNotFound() {
    ConversationId theirs = world.conversation(TestIds.user(), TestConversationFactory.T0, "hi");

    ScheduleFollowUpResult result = schedule(Duration.ofDays(1), Optional.of(theirs));

    assertThat(((ScheduleFollowUpResult.Refused) result).refusal().reason()).isEqualTo(RefusalReason.NOT_FOUND);
    assertThat(world.followUps.list(user)).isEmpty();
  }
}
