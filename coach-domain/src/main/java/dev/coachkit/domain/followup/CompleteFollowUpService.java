package dev.coachkit.domain.followup;

import dev.coachkit.ports.in.followup.CompleteFollowUpCommand;
import dev.coachkit.ports.in.followup.CompleteFollowUpResult;
import dev.coachkit.ports.in.followup.CompleteFollowUpUseCase;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.followup.FollowUp;
import dev.coachkit.ports.model.followup.FollowUpStatus;
import dev.coachkit.ports.out.followup.FollowUpStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Marks a follow-up completed; completing it again changes nothing. Another user's or an unknown follow-up is
 * NOT_FOUND; a cancelled one is INVALID_STATE.
 */
public final class CompleteFollowUpService implements CompleteFollowUpUseCase {
  private final FollowUpStore followUps;
  private final Clock clock;

  public CompleteFollowUpService(FollowUpStore followUps, Clock clock) {
    this.followUps = Objects.requireNonNull(followUps, "followUps must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @Override
  public CompleteFollowUpResult complete(CompleteFollowUpCommand command) {
    Optional<FollowUp> found = followUps.find(command.userId(), command.followUpId());
    if (found.isEmpty()) {
      return new CompleteFollowUpResult.Refused(Refusal.notFound("follow-up"));
    }
    FollowUp followUp = found.get();
    if (followUp.status() == FollowUpStatus.COMPLETED) {
      return new CompleteFollowUpResult.Completed(followUp);
    }
    if (followUp.status() == FollowUpStatus.CANCELLED) {
      return new CompleteFollowUpResult.Refused(
          Refusal.of(RefusalReason.INVALID_STATE, "the follow-up was cancelled"));
    }
    FollowUp completed = new FollowUp(followUp.id(), followUp.userId(), followUp.dueAt(), followUp.topic(),
        FollowUpStatus.COMPLETED, followUp.sourceConversationId(), followUp.createdAt(),
        Optional.of(clock.instant()));
    followUps.save(completed);
    return new CompleteFollowUpResult.Completed(completed);
  }
}
