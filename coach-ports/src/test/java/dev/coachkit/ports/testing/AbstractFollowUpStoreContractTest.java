package dev.coachkit.ports.testing;

import static dev.coachkit.ports.testing.TestConversationFactory.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.followup.FollowUp;
import dev.coachkit.ports.out.followup.FollowUpStore;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract every {@link FollowUpStore} must meet. */
public abstract class AbstractFollowUpStoreContractTest {
  protected FollowUpStore store;
  protected UserId alice;
  protected UserId bob;

  protected abstract FollowUpStore newStore();

  @BeforeEach
  void setUpStore() {
    store = newStore();
    alice = TestIds.user();
    bob = TestIds.user();
  }

  @Test
  void givenSavedFollowUp_find_returnsItToItsOwnerOnly() {
    FollowUp f = TestFollowUpFactory.scheduled(alice, "knee check", T0.plus(Duration.ofDays(2)));

    store.save(f);

    assertThat(store.find(alice, f.id())).contains(f);
    assertThat(store.find(bob, f.id())).isEmpty();
  }

  @Test
  void givenScheduledCompletedAndFutureFollowUps_due_returnsOnlyScheduledDueOnesEarliestFirst() {
    FollowUp later = TestFollowUpFactory.scheduled(alice, "later", T0.minusSeconds(10));
    FollowUp earlier = TestFollowUpFactory.scheduled(alice, "earlier", T0.minusSeconds(20));
    FollowUp exactlyNow = TestFollowUpFactory.scheduled(alice, "now", T0);
    FollowUp future = TestFollowUpFactory.scheduled(alice, "future", T0.plusSeconds(1));
    FollowUp done = TestFollowUpFactory.completed(
        TestFollowUpFactory.scheduled(alice, "done", T0.minusSeconds(30)), T0);
    store.save(later);
    store.save(earlier);
    store.save(exactlyNow);
    store.save(future);
    store.save(done);
    store.save(TestFollowUpFactory.scheduled(bob, "bob's", T0.minusSeconds(40)));

    assertThat(store.due(alice, T0, 10)).containsExactly(earlier, later, exactlyNow);
    assertThat(store.due(alice, T0, 2)).containsExactly(earlier, later);
    assertThat(store.list(alice)).extracting(FollowUp::topic)
        .containsExactly("done", "earlier", "later", "now", "future");
  }

  @Test
  void givenSavedFollowUp_saveCompleted_replacesIt() {
    FollowUp f = TestFollowUpFactory.scheduled(alice, "knee", T0);
    store.save(f);

    store.save(TestFollowUpFactory.completed(f, T0.plusSeconds(5)));

    assertThat(store.find(alice, f.id()).orElseThrow().completedAt()).contains(T0.plusSeconds(5));
    assertThat(store.due(alice, T0.plusSeconds(10), 10)).isEmpty();
  }

  @Test
  void givenAnotherUsersId_save_isRejected() {
    FollowUp alices = TestFollowUpFactory.scheduled(alice, "knee", T0);
    store.save(alices);
    FollowUp hijack = new FollowUp(alices.id(), bob, T0, "hijack", alices.status(), alices.sourceConversationId(),
        alices.createdAt(), alices.completedAt());

    assertThatThrownBy(() -> store.save(hijack)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(alice, alices.id())).contains(alices);
  }

  @Test
  void givenTwoUsersFollowUps_deleteAllOf_removesOnlyThatUsers() {
    store.save(TestFollowUpFactory.scheduled(alice, "a", T0));
    FollowUp bobs = TestFollowUpFactory.scheduled(bob, "b", T0);
    store.save(bobs);

    store.deleteAllOf(alice);

    assertThat(store.list(alice)).isEmpty();
    assertThat(store.list(bob)).containsExactly(bobs);
  }
}
