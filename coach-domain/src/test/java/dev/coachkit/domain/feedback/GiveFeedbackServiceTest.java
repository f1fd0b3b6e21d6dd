package dev.coachkit.domain.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.coaching.TestCoachWorld;
import dev.coachkit.ports.in.feedback.GiveFeedbackCommand;
import dev.coachkit.ports.in.feedback.GiveFeedbackResult;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.feedback.Feedback;
import dev.coachkit.ports.model.feedback.FeedbackTarget;
import dev.coachkit.ports.model.feedback.Rating;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.testing.TestConversationFactory;
import dev.coachkit.ports.testing.TestIds;
import dev.coachkit.ports.testing.TestVoiceSessionFactory;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GiveFeedbackServiceTest {
  private final TestCoachWorld world = new TestCoachWorld();
  private final GiveFeedbackService service = new GiveFeedbackService(world.feedback, world.conversations,
      world.voiceSessions, world.ids, world.clock);
  private final UserId user = TestIds.user();

  private List<Message> messagesOf(UserId owner) {
    ConversationId conversation = world.conversation(owner, TestConversationFactory.T0, "Hi coach", "Hi there!");
    return world.conversations.messages(owner, conversation, Optional.empty(), 10).items();
  }

  private GiveFeedbackResult give(FeedbackTarget target, Rating rating, String comment) {
    return service.give(new GiveFeedbackCommand(user, target, rating, Optional.of(comment)));
  }

  @Test
  void givenACoachReply_give_recordsTheFeedback() {
    Message reply = messagesOf(user).get(1);

    GiveFeedbackResult result = give(new FeedbackTarget.OnMessage(reply.id()), Rating.UP, " helpful ");

    assertThat(result).isInstanceOf(GiveFeedbackResult.Recorded.class);
    Feedback feedback = ((GiveFeedbackResult.Recorded) result).feedback();
    assertThat(feedback.comment()).contains("helpful");
    assertThat(feedback.createdAt()).isEqualTo(world.clock.instant());
    assertThat(world.feedback.list(user)).containsExactly(feedback);
  }

  @Test
  void givenFeedbackAlready_giveAgain_replacesItKeepingItsId() {
    FeedbackTarget target = new FeedbackTarget.OnMessage(messagesOf(user).get(1).id());
    Feedback first = ((GiveFeedbackResult.Recorded) give(target, Rating.UP, "good")).feedback();

    Feedback second = ((GiveFeedbackResult.Recorded) give(target, Rating.DOWN, "on reflection, no")).feedback();

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(world.feedback.list(user)).containsExactly(second);
  }

  @Test
  void givenAnotherUsersMessage_give_isNotFoundAndStoresNothing() {
    Message theirs = messagesOf(TestIds.user()).get(1);

    GiveFeedbackResult result = give(new FeedbackTarget.OnMessage(theirs.id()), Rating.DOWN, "meh");

    assertThat(result).isInstanceOf(GiveFeedbackResult.Refused.class);
    assertThat(((GiveFeedbackResult.Refused) result).refusal().reason()).isEqualTo(RefusalReason.NOT_FOUND);
    assertThat(world.feedback.list(user)).isEmpty();
  }

  @Test
  void givenTheUsersOwnMessage_give_isRefusedAsInvalid() {
    Message own = messagesOf(user).get(0);

    GiveFeedbackResult result = give(new FeedbackTarget.OnMessage(own.id()), Rating.UP, "me");

    assertThat(((GiveFeedbackResult.Refused) result).refusal().reason()).isEqualTo(RefusalReason.INVALID_REQUEST);
  }

  @Test
  void givenVoiceSessions_give_acceptsTheUsersAndRefusesAnotherUsers() {
    VoiceSession mine = TestVoiceSessionFactory.created(user);
    VoiceSession theirs = TestVoiceSessionFactory.created(TestIds.user());
    world.voiceSessions.create(mine, 1);
    world.voiceSessions.create(theirs, 1);

    assertThat(give(new FeedbackTarget.OnVoiceSession(mine.id()), Rating.UP, "great call"))
        .isInstanceOf(GiveFeedbackResult.Recorded.class);
    GiveFeedbackResult refused = give(new FeedbackTarget.OnVoiceSession(theirs.id()), Rating.UP, "x");
    assertThat(((GiveFeedbackResult.Refused) refused).refusal().reason()).isEqualTo(RefusalReason.NOT_FOUND);
  }
}
