package dev.coachkit.domain.followup;

import dev.coachkit.ports.in.followup.ScheduleFollowUpCommand;
import dev.coachkit.ports.in.followup.ScheduleFollowUpResult;
import dev.coachkit.ports.in.followup.ScheduleFollowUpUseCase;
import dev.coachkit.ports.model.common.FollowUpId;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.followup.FollowUp;
import dev.coachkit.ports.model.followup.FollowUpStatus;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.out.conversation.ConversationStore;
import dev.coachkit.ports.out.followup.FollowUpStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Schedules a follow-up. Refuses INVALID_REQUEST for a time in the past or further ahead than the configured
 * horizon, and NOT_FOUND for a source conversation that is not the user's.
 */
public final class ScheduleFollowUpService implements ScheduleFollowUpUseCase {
  /** The default for how far ahead a follow-up may be scheduled. */
  public static final Duration DEFAULT_HORIZON = Duration.ofDays(366);

  private final FollowUpStore followUps;
  private final ConversationStore conversations;
  private final IdGenerator ids;
  private final Clock clock;
  private final Duration horizon;

  public ScheduleFollowUpService(FollowUpStore followUps, ConversationStore conversations, IdGenerator ids,
      Clock clock, Duration horizon) {
    this.followUps = Objects.requireNonNull(followUps, "followUps must not be null");
    this.conversations = Objects.requireNonNull(conversations, "conversations must not be null");
    this.ids = Objects.requireNonNull(ids, "ids must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.horizon = Objects.requireNonNull(horizon, "horizon must not be null");
    if (horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException("horizon must be positive, was " + horizon);
    }
  }

  @Override
  public ScheduleFollowUpResult schedule(ScheduleFollowUpCommand command) {
    Instant now = clock.instant();
    if (!command.dueAt().isAfter(now)) {
      return new ScheduleFollowUpResult.Refused(
          Refusal.of(RefusalReason.INVALID_REQUEST, "dueAt must be in the future, was " + command.dueAt()));
    }
    if (command.dueAt().isAfter(now.plus(horizon))) {
      return new ScheduleFollowUpResult.Refused(Refusal.of(RefusalReason.INVALID_REQUEST,
          "dueAt must be within " + horizon.toDays() + " days, was " + command.dueAt()));
    }
    if (command.sourceConversationId().isPresent()
        && conversations.find(command.userId(), command.sourceConversationId().get()).isEmpty()) {
      return new ScheduleFollowUpResult.Refused(Refusal.notFound("conversation"));
    }
    FollowUp followUp = new FollowUp(FollowUpId.of(ids.next()), command.userId(), command.dueAt(),
        command.topic().strip(), FollowUpStatus.SCHEDULED, command.sourceConversationId(), now, Optional.empty());
    followUps.save(followUp);
    return new ScheduleFollowUpResult.Scheduled(followUp);
  }
}
