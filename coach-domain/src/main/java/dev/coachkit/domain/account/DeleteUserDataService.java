package dev.coachkit.domain.account;

import dev.coachkit.ports.in.account.DeleteUserDataCommand;
import dev.coachkit.ports.in.account.DeleteUserDataUseCase;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.out.coaching.CheckInClaims;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.conversation.ConversationStore;
import dev.coachkit.ports.out.feedback.FeedbackStore;
import dev.coachkit.ports.out.followup.FollowUpStore;
import dev.coachkit.ports.out.plan.PlanStore;
import dev.coachkit.ports.out.usage.UsageLedger;
import dev.coachkit.ports.out.voice.VoiceSessionStore;
import java.util.Objects;

/**
 * Deletes everything stored about a user in every store, and nothing of anyone else; running it again changes
 * nothing. Voice sessions go first so that no open session outlives the account; hanging up a live call is the
 * voice relay's part (it finds the session gone).
 */
public final class DeleteUserDataService implements DeleteUserDataUseCase {
  private final ConversationStore conversations;
  private final CoachDataStore coachData;
  private final PlanStore plans;
  private final VoiceSessionStore voiceSessions;
  private final UsageLedger usage;
  private final FeedbackStore feedback;
  private final FollowUpStore followUps;
  private final CheckInClaims checkInClaims;

  public DeleteUserDataService(ConversationStore conversations, CoachDataStore coachData, PlanStore plans,
      VoiceSessionStore voiceSessions, UsageLedger usage, FeedbackStore feedback, FollowUpStore followUps,
      CheckInClaims checkInClaims) {
    this.conversations = Objects.requireNonNull(conversations, "conversations must not be null");
    this.coachData = Objects.requireNonNull(coachData, "coachData must not be null");
    this.plans = Objects.requireNonNull(plans, "plans must not be null");
    this.voiceSessions = Objects.requireNonNull(voiceSessions, "voiceSessions must not be null");
    this.usage = Objects.requireNonNull(usage, "usage must not be null");
    this.feedback = Objects.requireNonNull(feedback, "feedback must not be null");
    this.followUps = Objects.requireNonNull(followUps, "followUps must not be null");
    this.checkInClaims = Objects.requireNonNull(checkInClaims, "checkInClaims must not be null");
  }

  @Override
  public void delete(DeleteUserDataCommand command) {
    UserId user = command.userId();
    voiceSessions.deleteAllOf(user);
    conversations.deleteAllOf(user);
    coachData.deleteAllOf(user);
    plans.deleteAllOf(user);
    usage.deleteAllOf(user);
    feedback.deleteAllOf(user);
    followUps.deleteAllOf(user);
    checkInClaims.deleteAllOf(user);
  }
}
