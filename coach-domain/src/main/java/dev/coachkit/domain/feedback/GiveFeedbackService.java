package dev.coachkit.domain.feedback;

import dev.coachkit.ports.in.feedback.GiveFeedbackCommand;
import dev.coachkit.ports.in.feedback.GiveFeedbackResult;
import dev.coachkit.ports.in.feedback.GiveFeedbackUseCase;
import dev.coachkit.ports.model.common.FeedbackId;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.MessageRole;
import dev.coachkit.ports.model.feedback.Feedback;
import dev.coachkit.ports.model.feedback.FeedbackTarget;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.out.conversation.ConversationStore;
import dev.coachkit.ports.out.feedback.FeedbackStore;
import dev.coachkit.ports.out.voice.VoiceSessionStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Records a user's thumbs up or down on one of the coach's replies or on one of their voice sessions, replacing
 * their earlier feedback on it. A target that does not exist or is another user's is NOT_FOUND; a message that is
 * not the coach's is INVALID_REQUEST.
 */
public final class GiveFeedbackService implements GiveFeedbackUseCase {
  private final FeedbackStore feedback;
  private final ConversationStore conversations;
  private final VoiceSessionStore voiceSessions;
  private final IdGenerator ids;
  private final Clock clock;

  public GiveFeedbackService(FeedbackStore feedback, ConversationStore conversations,
      VoiceSessionStore voiceSessions, IdGenerator ids, Clock clock) {
    this.feedback = Objects.requireNonNull(feedback, "feedback must not be null");
    this.conversations = Objects.requireNonNull(conversations, "conversations must not be null");
    this.voiceSessions = Objects.requireNonNull(voiceSessions, "voiceSessions must not be null");
    this.ids = Objects.requireNonNull(ids, "ids must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @Override
  public GiveFeedbackResult give(GiveFeedbackCommand command) {
    FeedbackTarget target = command.target();
    if (target instanceof FeedbackTarget.OnMessage onMessage) {
      Optional<Message> message = conversations.findMessage(command.userId(), onMessage.messageId());
      if (message.isEmpty()) {
        return new GiveFeedbackResult.Refused(Refusal.notFound("message"));
      }
      if (message.get().role() != MessageRole.ASSISTANT) {
        return new GiveFeedbackResult.Refused(
            Refusal.of(RefusalReason.INVALID_REQUEST, "feedback can only be given on the coach's replies"));
      }
    } else {
      FeedbackTarget.OnVoiceSession onSession = (FeedbackTarget.OnVoiceSession) target;
      if (voiceSessions.find(command.userId(), onSession.voiceSessionId()).isEmpty()) {
        return new GiveFeedbackResult.Refused(Refusal.notFound("voice session"));
      }
    }
    FeedbackId id = feedback.find(command.userId(), target).map(Feedback::id)
        .orElseGet(() -> FeedbackId.of(ids.next()));
    Feedback given = new Feedback(id, command.userId(), target, command.rating(),
        command.comment().map(String::strip).filter(c -> !c.isEmpty()), clock.instant());
    feedback.save(given);
    return new GiveFeedbackResult.Recorded(given);
  }
}
