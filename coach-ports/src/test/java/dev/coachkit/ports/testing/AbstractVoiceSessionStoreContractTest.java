package dev.coachkit.ports.testing;

import static dev.coachkit.ports.testing.TestConversationFactory.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.out.voice.VoiceSessionCreation;
import dev.coachkit.ports.out.voice.VoiceSessionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract every {@link VoiceSessionStore} must meet. */
public abstract class AbstractVoiceSessionStoreContractTest {
  protected VoiceSessionStore store;
  protected UserId alice;
  protected UserId bob;

  protected abstract VoiceSessionStore newStore();

  @BeforeEach
  void setUpStore() {
    store = newStore();
    alice = TestIds.user();
    bob = TestIds.user();
  }

  @Test
  void givenNoOpenSession_create_storesItForItsOwnerOnly() {
    VoiceSession s = TestVoiceSessionFactory.created(alice);

    VoiceSessionCreation result = store.create(s, 1);

    assertThat(result).isEqualTo(new VoiceSessionCreation.Created(s));
    assertThat(store.find(alice, s.id())).contains(s);
    assertThat(store.find(bob, s.id())).isEmpty();
  }

  @Test
  void givenAnOpenSession_createAnother_isRefusedWithTheExistingOne() {
    VoiceSession first = TestVoiceSessionFactory.created(alice);
    store.create(first, 1);
    VoiceSession second = TestVoiceSessionFactory.created(alice, T0.plusSeconds(5));

    VoiceSessionCreation result = store.create(second, 1);

    assertThat(result).isEqualTo(new VoiceSessionCreation.AlreadyActive(first));
    assertThat(store.find(alice, second.id())).isEmpty();
  }

  @Test
  void givenAnActiveSession_createAnother_isRefusedToo() {
    VoiceSession first = TestVoiceSessionFactory.created(alice);
    store.create(first, 1);
    VoiceSession active = TestVoiceSessionFactory.activated(first, T0.plusSeconds(1));
    store.update(active);

    assertThat(store.create(TestVoiceSessionFactory.created(alice, T0.plusSeconds(2)), 1))
        .isEqualTo(new VoiceSessionCreation.AlreadyActive(active));
  }

  @Test
  void givenAHigherLimit_create_allowsThatManyOpenSessions() {
    assertThat(store.create(TestVoiceSessionFactory.created(alice, T0), 2))
        .isInstanceOf(VoiceSessionCreation.Created.class);
    assertThat(store.create(TestVoiceSessionFactory.created(alice, T0.plusSeconds(1)), 2))
        .isInstanceOf(VoiceSessionCreation.Created.class);
    assertThat(store.create(TestVoiceSessionFactory.created(alice, T0.plusSeconds(2)), 2))
        .isInstanceOf(VoiceSessionCreation.AlreadyActive.class);
  }

  @Test
  void givenAnEndedSession_create_allowsANewOne() {
    VoiceSession first = TestVoiceSessionFactory.created(alice);
    store.create(first, 1);
    store.update(TestVoiceSessionFactory.ended(first, T0.plusSeconds(60)));

    VoiceSession second = TestVoiceSessionFactory.created(alice, T0.plusSeconds(61));

    assertThat(store.create(second, 1)).isEqualTo(new VoiceSessionCreation.Created(second));
    assertThat(store.openSessions(alice)).containsExactly(second);
  }

  @Test
  void givenAnotherUsersOpenSession_create_isNotAffected() {
    store.create(TestVoiceSessionFactory.created(bob), 1);

    assertThat(store.create(TestVoiceSessionFactory.created(alice), 1))
        .isInstanceOf(VoiceSessionCreation.Created.class);
  }

  @Test
  void givenConcurrentCreatesForOneUser_create_storesExactlyOne() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<VoiceSessionCreation>> tasks = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        int n = i;
        tasks.add(() -> store.create(TestVoiceSessionFactory.created(alice, T0.plusMillis(n)), 1));
      }
      int created = 0;
      for (Future<VoiceSessionCreation> f : pool.invokeAll(tasks)) {
        created += f.get() instanceof VoiceSessionCreation.Created ? 1 : 0;
      }
      assertThat(created).isEqualTo(1);
      assertThat(store.openSessions(alice)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenAClosedSession_create_isRejectedAsAProgrammingError() {
    VoiceSession ended = TestVoiceSessionFactory.ended(TestVoiceSessionFactory.created(alice), T0.plusSeconds(1));

    assertThatThrownBy(() -> store.create(ended, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenStoredSession_update_replacesItsStateExactly() {
    VoiceSession s = TestVoiceSessionFactory.created(alice);
    store.create(s, 1);
    VoiceSession ended = TestVoiceSessionFactory.ended(TestVoiceSessionFactory.activated(s, T0.plusSeconds(1)),
        T0.plusSeconds(90));

    assertThat(store.update(ended)).isTrue();

    assertThat(store.find(alice, s.id())).contains(ended);
    assertThat(store.openSessions(alice)).isEmpty();
  }

  @Test
  void givenUnknownSession_update_returnsFalseAndStoresNothing() {
    VoiceSession never = TestVoiceSessionFactory.created(alice);

    assertThat(store.update(never)).isFalse();
    assertThat(store.find(alice, never.id())).isEmpty();
  }

  @Test
  void givenSessionsOfTwoUsers_list_returnsOnlyOwnNewestFirst() {
    VoiceSession older = TestVoiceSessionFactory.created(alice, T0);
    store.create(older, 1);
    store.update(TestVoiceSessionFactory.ended(older, T0.plusSeconds(10)));
    VoiceSession newer = TestVoiceSessionFactory.created(alice, T0.plusSeconds(20));
    store.create(newer, 1);
    store.create(TestVoiceSessionFactory.created(bob), 1);

    assertThat(store.list(alice)).extracting(VoiceSession::id).containsExactly(newer.id(), older.id());
  }

  @Test
  void givenOpenAndEndedSessions_openExpiringBefore_returnsOnlyOpenExpiredOnes() {
    VoiceSession expired = TestVoiceSessionFactory.created(alice, T0);
    VoiceSession endedEarly = TestVoiceSessionFactory.created(bob, T0);
    VoiceSession fresh = TestVoiceSessionFactory.created(TestIds.user(), T0.plus(Duration.ofHours(1)));
    store.create(expired, 1);
    store.create(endedEarly, 1);
    store.update(TestVoiceSessionFactory.ended(endedEarly, T0.plusSeconds(5)));
    store.create(fresh, 1);

    // The store may hold other tests' sessions; look only at ours.
    List<VoiceSession> found = store.openExpiringBefore(T0.plus(Duration.ofMinutes(31)), 1_000);

    assertThat(found).extracting(VoiceSession::id).contains(expired.id())
        .doesNotContain(endedEarly.id(), fresh.id());
  }

  @Test
  void givenTwoUsersSessions_deleteAllOf_removesOnlyThatUsers() {
    VoiceSession alices = TestVoiceSessionFactory.created(alice);
    VoiceSession bobs = TestVoiceSessionFactory.created(bob);
    store.create(alices, 1);
    store.create(bobs, 1);

    store.deleteAllOf(alice);

    assertThat(store.find(alice, alices.id())).isEmpty();
    assertThat(store.list(alice)).isEmpty();
    assertThat(store.find(bob, bobs.id())).contains(bobs);
  }
}
