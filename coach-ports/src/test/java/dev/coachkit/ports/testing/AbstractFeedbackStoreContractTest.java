package dev.coachkit.ports.testing;

import static dev.coachkit.ports.testing.TestConversationFactory.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.feedback.Feedback;
import dev.coachkit.ports.model.feedback.FeedbackTarget;
import dev.coachkit.ports.model.feedback.Rating;
import dev.coachkit.ports.out.feedback.FeedbackStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract every {@link FeedbackStore} must meet. */
public abstract class AbstractFeedbackStoreContractTest {
  protected FeedbackStore store;
  protected UserId alice;
  protected UserId bob;

  protected abstract FeedbackStore newStore();

  @BeforeEach
  void setUpStore() {
    store = newStore();
    alice = TestIds.user();
    bob = TestIds.user();
  }

  @Test
  void givenFeedbackOnAMessageAndASession_find_returnsEachForItsOwnerOnly() {
    Feedback onMessage = TestFeedbackFactory.onMessage(alice, Rating.UP, T0);
    Feedback onSession = TestFeedbackFactory.feedback(alice,
        new FeedbackTarget.OnVoiceSession(TestIds.voiceSession()), Rating.DOWN, T0.plusSeconds(1));

    store.save(onMessage);
    store.save(onSession);

    assertThat(store.find(alice, onMessage.target())).contains(onMessage);
    assertThat(store.find(alice, onSession.target())).contains(onSession);
    assertThat(store.find(bob, onMessage.target())).isEmpty();
    assertThat(store.list(alice)).containsExactly(onMessage, onSession);
  }

  @Test
  void givenFeedbackOnATarget_saveAgain_replacesIt() {
    Feedback first = TestFeedbackFactory.onMessage(alice, Rating.UP, T0);
    store.save(first);
    Feedback changed = TestFeedbackFactory.feedback(alice, first.target(), Rating.DOWN, T0.plusSeconds(60));

    store.save(changed);

    assertThat(store.find(alice, first.target())).contains(changed);
    assertThat(store.list(alice)).containsExactly(changed);
  }

  @Test
  void givenTwoUsersOnTheSameTarget_save_keepsBoth() {
    Feedback alices = TestFeedbackFactory.onMessage(alice, Rating.UP, T0);
    Feedback bobs = TestFeedbackFactory.feedback(bob, alices.target(), Rating.DOWN, T0);

    store.save(alices);
    store.save(bobs);

    assertThat(store.find(alice, alices.target())).contains(alices);
    assertThat(store.find(bob, alices.target())).contains(bobs);
  }

  @Test
  void givenTwoUsersFeedback_deleteAllOf_removesOnlyThatUsers() {
    store.save(TestFeedbackFactory.onMessage(alice, Rating.UP, T0));
    Feedback bobs = TestFeedbackFactory.onMessage(bob, Rating.DOWN, T0);
    store.save(bobs);

    store.deleteAllOf(alice);

    assertThat(store.list(alice)).isEmpty();
    assertThat(store.list(bob)).containsExactly(bobs);
  }
}
