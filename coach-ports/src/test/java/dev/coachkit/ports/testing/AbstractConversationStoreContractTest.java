package dev.coachkit.ports.testing;

import static dev.coachkit.ports.testing.TestConversationFactory.T0;
import static dev.coachkit.ports.testing.TestConversationFactory.assistantText;
import static dev.coachkit.ports.testing.TestConversationFactory.assistantToolCall;
import static dev.coachkit.ports.testing.TestConversationFactory.interruptedVoiceReply;
import static dev.coachkit.ports.testing.TestConversationFactory.newConversation;
import static dev.coachkit.ports.testing.TestConversationFactory.progressCall;
import static dev.coachkit.ports.testing.TestConversationFactory.toolResult;
import static dev.coachkit.ports.testing.TestConversationFactory.userText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.Page;
import dev.coachkit.ports.model.common.PageCursor;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.AppendResult;
import dev.coachkit.ports.model.conversation.Conversation;
import dev.coachkit.ports.model.conversation.ConversationStart;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.NewMessage;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.out.conversation.ConversationStore;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract every {@link ConversationStore} must meet; extend it with a factory for the store under test. */
public abstract class AbstractConversationStoreContractTest {
  protected ConversationStore store;
  protected UserId alice;
  protected UserId bob;

  /** A store to test; it may hold other tests' data, but no data of freshly generated users. */
  protected abstract ConversationStore newStore();

  @BeforeEach
  void setUpStore() {
    store = newStore();
    alice = TestIds.user();
    bob = TestIds.user();
  }

  private Conversation conversationOf(UserId user) {
    return store.create(newConversation(user));
  }

  private Message append(UserId user, Conversation c, NewMessage m) {
    return store.append(user, c.id(), m).message();
  }

  @Test
  void givenNewConversation_create_isFoundByItsOwnerOnly() {
    Conversation created = conversationOf(alice);

    assertThat(store.find(alice, created.id())).contains(created);
    assertThat(store.find(bob, created.id())).isEmpty();
    assertThat(created.messageCount()).isZero();
    assertThat(created.lastActivityAt()).isEqualTo(created.createdAt());
  }

  @Test
  void givenSameIdempotencyKey_createTwice_returnsTheFirstConversation() {
    Conversation first = store.create(newConversation(alice, "key-1"));

    Conversation second = store.create(newConversation(alice, "key-1"));

    assertThat(second).isEqualTo(first);
    assertThat(store.list(alice, Optional.empty(), 100).items()).containsExactly(first);
  }

  @Test
  void givenSameIdempotencyKeyForAnotherUser_create_makesASeparateConversation() {
    Conversation alices = store.create(newConversation(alice, "key-1"));

    Conversation bobs = store.create(newConversation(bob, "key-1"));

    assertThat(bobs.id()).isNotEqualTo(alices.id());
    assertThat(bobs.userId()).isEqualTo(bob);
  }

  @Test
  void givenNewConversation_start_storesItWithItsFirstMessageNumberedOne() {
    ConversationStart started = store.start(newConversation(alice), userText("hello", T0.plusSeconds(1)));

    Conversation c = started.conversation();
    assertThat(started.first().alreadyStored()).isFalse();
    assertThat(started.first().message().sequence()).isEqualTo(1);
    assertThat(started.first().message().conversationId()).isEqualTo(c.id());
    assertThat(started.first().message().userId()).isEqualTo(alice);
    assertThat(c.messageCount()).isEqualTo(1);
    assertThat(c.lastActivityAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(store.find(alice, c.id())).contains(c);
    assertThat(store.find(bob, c.id())).isEmpty();
    assertThat(store.messages(alice, c.id(), Optional.empty(), 100).items())
        .containsExactly(started.first().message());
  }

  @Test
  void givenSameIdempotencyKeys_startTwice_keepsTheFirstConversationAndMessage() {
    ConversationStart first =
        store.start(newConversation(alice, "turn-1"), userText("hello", T0.plusSeconds(1), "turn-1"));

    ConversationStart again =
        store.start(newConversation(alice, "turn-1"), userText("hello again", T0.plusSeconds(2), "turn-1"));

    assertThat(again.first().alreadyStored()).isTrue();
    assertThat(again.first().message()).isEqualTo(first.first().message());
    assertThat(again.conversation()).isEqualTo(first.conversation());
    assertThat(store.list(alice, Optional.empty(), 100).items()).containsExactly(first.conversation());
    assertThat(store.messages(alice, first.conversation().id(), Optional.empty(), 100).items())
        .containsExactly(first.first().message());
  }

  @Test
  void givenConversationKeySeenWithAnotherMessageKey_start_appendsToTheEarlierConversation() {
    ConversationStart first =
        store.start(newConversation(alice, "chat-1"), userText("hello", T0.plusSeconds(1), "turn-1"));

    ConversationStart second =
        store.start(newConversation(alice, "chat-1"), userText("and more", T0.plusSeconds(2), "turn-2"));

    assertThat(second.first().alreadyStored()).isFalse();
    assertThat(second.first().message().sequence()).isEqualTo(2);
    assertThat(second.conversation().id()).isEqualTo(first.conversation().id());
    assertThat(second.conversation().messageCount()).isEqualTo(2);
    assertThat(store.find(alice, first.conversation().id())).contains(second.conversation());
  }

  @Test
  void givenStartedConversation_append_continuesTheNumbering() {
    ConversationStart started = store.start(newConversation(alice), userText("hello", T0.plusSeconds(1)));

    AppendResult reply = store.append(alice, started.conversation().id(), assistantText("hi", T0.plusSeconds(2)));

    assertThat(reply.message().sequence()).isEqualTo(2);
    assertThat(store.find(alice, started.conversation().id()).orElseThrow().messageCount()).isEqualTo(2);
  }

  @Test
  void givenMessages_append_numbersThemOneTwoThreeAndCountsThem() {
    Conversation c = conversationOf(alice);

    List<Long> sequences = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      AppendResult r = store.append(alice, c.id(), userText("m" + i, T0.plusSeconds(i + 1)));
      assertThat(r.alreadyStored()).isFalse();
      sequences.add(r.message().sequence());
    }

    assertThat(sequences).containsExactly(1L, 2L, 3L);
    Conversation after = store.find(alice, c.id()).orElseThrow();
    assertThat(after.messageCount()).isEqualTo(3);
    assertThat(after.lastActivityAt()).isEqualTo(T0.plusSeconds(3));
  }

  @Test
  void givenSameIdempotencyKey_appendTwice_storesOnceAndReturnsTheEarlierMessage() {
    Conversation c = conversationOf(alice);
    Message first = store.append(alice, c.id(), userText("hello", T0.plusSeconds(1), "turn-1")).message();

    AppendResult retry = store.append(alice, c.id(), userText("hello again", T0.plusSeconds(2), "turn-1"));

    assertThat(retry.alreadyStored()).isTrue();
    assertThat(retry.message()).isEqualTo(first);
    assertThat(store.messages(alice, c.id(), Optional.empty(), 100).items()).containsExactly(first);
    assertThat(store.find(alice, c.id()).orElseThrow().messageCount()).isEqualTo(1);
  }

  @Test
  void givenSameIdempotencyKeyInAnotherConversation_append_storesANewMessage() {
    Conversation one = conversationOf(alice);
    Conversation two = conversationOf(alice);
    store.append(alice, one.id(), userText("hello", T0.plusSeconds(1), "turn-1"));

    AppendResult other = store.append(alice, two.id(), userText("hello", T0.plusSeconds(2), "turn-1"));

    assertThat(other.alreadyStored()).isFalse();
    assertThat(other.message().conversationId()).isEqualTo(two.id());
  }

  @Test
  void givenConcurrentAppends_append_givesEachMessageAUniqueGapFreeSequence() throws Exception {
    Conversation c = conversationOf(alice);
    int threads = 4;
    int perThread = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        tasks.add(() -> {
          for (int i = 0; i < perThread; i++) {
            store.append(alice, c.id(), userText("t" + thread + "-" + i, T0.plusSeconds(1)));
          }
          return null;
        });
      }
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    List<Long> sequences =
        store.messages(alice, c.id(), Optional.empty(), 100).items().stream().map(Message::sequence).toList();
    assertThat(sequences).hasSize(threads * perThread);
    assertThat(sequences).containsExactlyElementsOf(
        java.util.stream.LongStream.rangeClosed(1, threads * perThread).boxed().toList());
    assertThat(store.find(alice, c.id()).orElseThrow().messageCount()).isEqualTo(threads * perThread);
  }

  @Test
  void givenAnotherUsersConversation_append_throwsAndStoresNothing() {
    Conversation alices = conversationOf(alice);

    assertThatThrownBy(() -> store.append(bob, alices.id(), userText("intrusion", T0)))
        .isInstanceOf(NoSuchElementException.class);
    assertThat(store.messages(alice, alices.id(), Optional.empty(), 100).items()).isEmpty();
  }

  @Test
  void givenUnknownConversation_append_throws() {
    assertThatThrownBy(() -> store.append(alice, TestIds.conversation(), userText("x", T0)))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void givenToolCallResultAndInterruptedVoiceTurn_append_keepsEveryFieldExactly() {
    Conversation c = conversationOf(alice);
    ToolCall call = progressCall("call_1");
    NewMessage withCall = assistantToolCall(call, T0.plusSeconds(1));
    NewMessage result = toolResult(call, T0.plusSeconds(2));
    NewMessage interrupted = interruptedVoiceReply("Great, so for tomorrow", T0.plusSeconds(3));

    Message storedCall = append(alice, c, withCall);
    Message storedResult = append(alice, c, result);
    Message storedInterrupted = append(alice, c, interrupted);

    assertThat(storedCall).isEqualTo(Message.stored(withCall, c.id(), alice, 1));
    assertThat(storedResult).isEqualTo(Message.stored(result, c.id(), alice, 2));
    assertThat(storedInterrupted).isEqualTo(Message.stored(interrupted, c.id(), alice, 3));
    assertThat(store.messages(alice, c.id(), Optional.empty(), 10).items())
        .containsExactly(storedCall, storedResult, storedInterrupted);
  }

  @Test
  void givenFiveMessages_messagesPagedByTwo_walkBackwardsInOrderWithoutGaps() {
    Conversation c = conversationOf(alice);
    for (int i = 1; i <= 5; i++) {
      append(alice, c, userText("m" + i, T0.plusSeconds(i)));
    }

    Page<Message> newest = store.messages(alice, c.id(), Optional.empty(), 2);
    assertThat(newest.items()).extracting(Message::sequence).containsExactly(4L, 5L);
    assertThat(newest.nextCursor()).contains(PageCursor.of("4"));

    Page<Message> middle = store.messages(alice, c.id(), Optional.of(4L), 2);
    assertThat(middle.items()).extracting(Message::sequence).containsExactly(2L, 3L);
    assertThat(middle.nextCursor()).contains(PageCursor.of("2"));

    Page<Message> oldest = store.messages(alice, c.id(), Optional.of(2L), 2);
    assertThat(oldest.items()).extracting(Message::content).containsExactly("m1");
    assertThat(oldest.nextCursor()).isEmpty();
  }

  @Test
  void givenExactlyOnePageOfMessages_messages_hasNoNextCursor() {
    Conversation c = conversationOf(alice);
    append(alice, c, userText("a", T0.plusSeconds(1)));
    append(alice, c, assistantText("b", T0.plusSeconds(2)));

    assertThat(store.messages(alice, c.id(), Optional.empty(), 2).nextCursor()).isEmpty();
  }

  @Test
  void givenAnotherUsersConversation_messages_isAnEmptyPage() {
    Conversation c = conversationOf(alice);
    append(alice, c, userText("private", T0.plusSeconds(1)));

    Page<Message> page = store.messages(bob, c.id(), Optional.empty(), 10);

    assertThat(page.items()).isEmpty();
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void givenMessagesInTwoConversations_historyPagedByTwo_walksBackwardsThroughBothInOrder() {
    Conversation one = conversationOf(alice);
    Conversation two = conversationOf(alice);
    append(alice, one, userText("1", T0.plusSeconds(1)));
    append(alice, two, userText("2", T0.plusSeconds(2)));
    append(alice, one, assistantText("3", T0.plusSeconds(3)));
    append(alice, two, assistantText("4", T0.plusSeconds(4)));
    append(alice, one, userText("5", T0.plusSeconds(5)));

    List<String> seen = new ArrayList<>();
    List<List<String>> pages = new ArrayList<>();
    Optional<PageCursor> cursor = Optional.empty();
    do {
      Page<Message> page = store.history(alice, cursor, 2);
      List<String> contents = page.items().stream().map(Message::content).toList();
      pages.add(contents);
      seen.addAll(0, contents);
      cursor = page.nextCursor();
    } while (cursor.isPresent() && pages.size() < 10);

    assertThat(pages).containsExactly(List.of("4", "5"), List.of("2", "3"), List.of("1"));
    assertThat(seen).containsExactly("1", "2", "3", "4", "5");
  }

  @Test
  void givenTwoUsers_history_showsEachOnlyTheirOwnMessages() {
    Conversation alices = conversationOf(alice);
    Conversation bobs = conversationOf(bob);
    append(alice, alices, userText("alice speaking", T0.plusSeconds(1)));
    append(bob, bobs, userText("bob speaking", T0.plusSeconds(2)));

    assertThat(store.history(alice, Optional.empty(), 100).items())
        .extracting(Message::content)
        .containsExactly("alice speaking");
    assertThat(store.history(bob, Optional.empty(), 100).items())
        .extracting(Message::content)
        .containsExactly("bob speaking");
  }

  @Test
  void givenThreeConversations_listPagedByTwo_returnsMostRecentActivityFirst() {
    Conversation oldest = store.create(newConversation(alice, T0));
    Conversation middle = store.create(newConversation(alice, T0.plusSeconds(10)));
    Conversation newest = store.create(newConversation(alice, T0.plusSeconds(20)));
    append(alice, oldest, userText("revived", T0.plusSeconds(30)));
    conversationOf(bob);

    Page<Conversation> first = store.list(alice, Optional.empty(), 2);
    Page<Conversation> second = store.list(alice, first.nextCursor(), 2);

    assertThat(first.items()).extracting(Conversation::id).containsExactly(oldest.id(), newest.id());
    assertThat(first.nextCursor()).isPresent();
    assertThat(second.items()).extracting(Conversation::id).containsExactly(middle.id());
    assertThat(second.nextCursor()).isEmpty();
  }

  @Test
  void givenAMessage_findMessage_findsItForItsOwnerOnly() {
    Conversation c = conversationOf(alice);
    Message m = append(alice, c, userText("mine", T0.plusSeconds(1)));

    assertThat(store.findMessage(alice, m.id())).contains(m);
    assertThat(store.findMessage(bob, m.id())).isEmpty();
    assertThat(store.findMessage(alice, TestIds.message())).isEmpty();
  }

  @Test
  void givenTwoUsersData_deleteAllOf_removesOnlyThatUsersConversationsAndMessages() {
    Conversation alices = store.create(newConversation(alice, "key-1"));
    Message alicesMessage = append(alice, alices, userText("alice", T0.plusSeconds(1)));
    Conversation bobs = conversationOf(bob);
    Message bobsMessage = append(bob, bobs, userText("bob", T0.plusSeconds(2)));

    store.deleteAllOf(alice);

    assertThat(store.find(alice, alices.id())).isEmpty();
    assertThat(store.findMessage(alice, alicesMessage.id())).isEmpty();
    assertThat(store.history(alice, Optional.empty(), 100).items()).isEmpty();
    assertThat(store.list(alice, Optional.empty(), 100).items()).isEmpty();
    assertThat(store.find(bob, bobs.id())).isPresent();
    assertThat(store.findMessage(bob, bobsMessage.id())).contains(bobsMessage);
    ConversationId recreated = store.create(newConversation(alice, "key-1")).id();
    assertThat(recreated).isNotEqualTo(alices.id());
  }
}
