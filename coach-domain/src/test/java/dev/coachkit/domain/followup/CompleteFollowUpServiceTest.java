package dev.coachkit.domain.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.in.followup.CompleteFollowUpCommand;
import dev.coachkit.ports.in.followup.CompleteFollowUpResult;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.followup.FollowUp;
import dev.coachkit.ports.model.followup.FollowUpStatus;
import dev.coachkit.ports.testing.InMemoryFollowUpStore;
import dev.coachkit.ports.testing.MutableClock;
import dev.coachkit.ports.testing.TestFollowUpFactory;
import dev.coachkit.ports.testing.TestIds;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompleteFollowUpServiceTest {
  private final MutableClock clock = new MutableClock();
  private final InMemoryFollowUpStore store = new InMemoryFollowUpStore();
  private final CompleteFollowUpService service = new CompleteFollowUpService(store, clock);
  private final UserId user = TestIds.user();

  @Test
  void givenAScheduledFollowUp_complete_marksItCompletedNow() {
    FollowUp followUp = TestFollowUpFactory.scheduled(user, "knee", clock.instant());
    store.save(followUp);

    CompleteFollowUpResult result = service.complete(new CompleteFollowUpCommand(user, followUp.id()));

    FollowUp completed = ((CompleteFollowUpResult.Completed) result).followUp();
    assertThat(completed.status()).isEqualTo(FollowUpStatus.COMPLETED);
    assertThat(completed.completedAt()).contains(clock.instant());
    assertThat(store.find(user, followUp.id())).contains(completed);
  }

  @Test
  void givenACompletedFollowUp_completeAgain_changesNothing() {
    FollowUp followUp = TestFollowUpFactory.scheduled(user, "knee", clock.instant());
    store.save(followUp);
    FollowUp first = ((CompleteFollowUpResult.Completed) service.complete(
        new CompleteFollowUpCommand(user, followUp.id()))).followUp();
    clock.advance(Duration.ofHours(1));

    FollowUp again = ((CompleteFollowUpResult.Completed) service.complete(
        new CompleteFollowUpCommand(user, followUp.id()))).followUp();

    assertThat(again).isEqualTo(first);
  }

  @Test
  void givenAnotherUsersFollowUp_complete_isNotFoundAndChangesNothing() {
    FollowUp theirs = TestFollowUpFactory.scheduled(TestIds.user(), "theirs", clock.instant());
    store.save(theirs);

    CompleteFollowUpResult result = service.complete(new CompleteFollowUpCommand(user, theirs.id()));

    assertThat(((CompleteFollowUpResult.Refused) result).refusal().reason()).isEqualTo(RefusalReason.NOT_FOUND);
    assertThat(store.find(theirs.userId(), theirs.id())).contains(theirs);
  }

  @Test
  void givenACancelledFollowUp_complete_isRefusedAsInvalidState() {
    FollowUp f = TestFollowUpFactory.scheduled(user, "x", clock.instant());
    store.save(new FollowUp(f.id(), user, f.dueAt(), f.topic(), FollowUpStatus.CANCELLED, f.sourceConversationId(),
        f.createdAt(), Optional.empty()));

    CompleteFollowUpResult result = service.complete(new CompleteFollowUpCommand(user, f.id()));

    assertThat(((CompleteFollowUpResult.Refused) result).refusal().reason()).isEqualTo(RefusalReason.INVALID_STATE);
  }
}
