package dev.coachkit.domain.conversation;

import static dev.coachkit.domain.conversation.ChatRig.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.in.conversation.ChatStreamEvent;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.MessageRole;
import dev.coachkit.ports.model.conversation.MessageStatus;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.testing.TestConversationFactory;
import dev.coachkit.ports.testing.TestIds;
import dev.coachkit.ports.testing.TestUsageEntryFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamChatMessageServiceTest {
  private final ChatRig rig = new ChatRig();
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final StreamChatMessageService service = new StreamChatMessageService(rig.engine, executor);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /** Records every signal; requests {@code initialDemand} on subscription. */
  static class Recorder implements Flow.Subscriber<ChatStreamEvent> {
    final List<ChatStreamEvent> events = new CopyOnWriteArrayList<>();
    final CountDownLatch done = new CountDownLatch(1);
    final long initialDemand;
    volatile Flow.Subscription subscription;
    volatile Throwable error;
    volatile boolean completed;

    Recorder(long initialDemand) {
      this.initialDemand = initialDemand;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (initialDemand > 0) {
        s.request(initialDemand);
      }
    }

    @Override
    public void onNext(ChatStreamEvent item) {
      events.add(item);
    }

    @Override
    public void onError(Throwable t) {
      error = t;
      done.countDown();
    }

    @Override
    public void onComplete() {
      completed = true;
      done.countDown();
    }

    Recorder await() throws InterruptedException {
      assertThat(done.await(5, TimeUnit.SECONDS)).as("stream ended").isTrue();
      return this;
    }

    List<ChatStreamEvent.Kind> kinds() {
      return events.stream().map(ChatStreamEvent::kind).collect(Collectors.toList());
    }

    ChatStreamEvent last() {
      return events.get(events.size() - 1);
    }
  }

  private Recorder subscribe(Flow.Publisher<ChatStreamEvent> publisher) throws InterruptedException {
    Recorder recorder = new Recorder(Long.MAX_VALUE);
    publisher.subscribe(recorder);
    return recorder.await();
  }

  @Test
  void givenATextReply_stream_emitsDeltasThatAddUpToTheReplyThenCompleted() throws Exception {
    rig.model.thenReply("Three sessions a week is a great start.");

    Recorder recorder = subscribe(service.stream(message(rig.bob, "How often?")));

    assertThat(recorder.completed).isTrue();
    assertThat(recorder.last()).isInstanceOf(ChatStreamEvent.Completed.class);
    String streamed = recorder.events.stream().filter(e -> e instanceof ChatStreamEvent.Delta)
        .map(e -> ((ChatStreamEvent.Delta) e).text()).collect(Collectors.joining());
    ChatStreamEvent.Completed completed = (ChatStreamEvent.Completed) recorder.last();
    assertThat(streamed).isEqualTo(completed.reply().content()).isEqualTo("Three sessions a week is a great start.");
    assertThat(completed.reply().usage().inputTokens()).isPositive();
    assertThat(rig.messages(rig.bob, completed.reply().conversationId())).hasSize(2);
  }

  @Test
  void givenAToolCallTurn_stream_emitsToolCallStartedAndFinishedBeforeCompleted() throws Exception {
    rig.model.thenToolCalls(TestConversationFactory.progressCall("call-1")).thenReply("You trained twice.");

    Recorder recorder = subscribe(service.stream(message(rig.ana, "¿Cómo voy?")));

    List<ChatStreamEvent.Kind> kinds = recorder.kinds();
    assertThat(kinds).startsWith(ChatStreamEvent.Kind.TOOL_CALL_STARTED, ChatStreamEvent.Kind.TOOL_CALL_FINISHED)
        .endsWith(ChatStreamEvent.Kind.COMPLETED);
    ChatStreamEvent.ToolCallFinished finished = (ChatStreamEvent.ToolCallFinished) recorder.events.get(1);
    assertThat(finished.result().callId()).isEqualTo("call-1");
    assertThat(((ChatStreamEvent.Completed) recorder.last()).reply().toolCalls()).hasSize(1);
  }

  @Test
  void givenAStreamDroppedMidway_stream_emitsFailedKeepsTheUserMessageAndMarksTheTurnFailed() throws Exception {
    rig.model.thenDropAfter(List.of("Let me ", "think"), new ModelFailure(ModelFailure.Kind.INTERRUPTED, "openai",
        "connection reset"));

    Recorder recorder = subscribe(service.stream(message(rig.bob, "Plan my week")));

    assertThat(recorder.kinds()).containsExactly(ChatStreamEvent.Kind.DELTA, ChatStreamEvent.Kind.DELTA,
        ChatStreamEvent.Kind.FAILED);
    assertThat(((ChatStreamEvent.Failed) recorder.last()).reason()).isEqualTo(RefusalReason.MODEL_UNAVAILABLE);
    assertThat(recorder.completed).isTrue();
    List<Message> stored = rig.store.history(rig.bob, Optional.empty(), 10).items();
    assertThat(stored).extracting(Message::role).containsExactly(MessageRole.USER, MessageRole.ASSISTANT);
    assertThat(stored.get(1).status()).isEqualTo(MessageStatus.FAILED);
    assertThat(stored.get(1).content()).isEqualTo("Let me think");
  }

  @Test
  void givenTheBudgetUsedUp_stream_emitsASingleFailedWithRetryAfter() throws Exception {
    rig.ledger.record(TestUsageEntryFactory.chat(rig.bob, TestIds.conversation(), 10_000, rig.clock.instant()));

    Recorder recorder = subscribe(service.stream(message(rig.bob, "Hello")));

    assertThat(recorder.events).singleElement().isInstanceOfSatisfying(ChatStreamEvent.Failed.class, f -> {
      assertThat(f.reason()).isEqualTo(RefusalReason.BUDGET_EXCEEDED);
      assertThat(f.retryAfter()).isPresent();
    });
  }

  @Test
  void givenNoSubscriber_stream_doesNotStartTheTurn() {
    rig.model.thenReply("unused");

    service.stream(message(rig.bob, "Hello"));

    assertThat(rig.model.requests()).isEmpty();
  }

  @Test
  void givenDemandOfOne_stream_deliversNoMoreThanRequested() throws Exception {
    rig.model.thenReply("one two three four");
    Recorder recorder = new Recorder(1);

    service.stream(message(rig.bob, "Count")).subscribe(recorder);
    waitUntil(() -> rig.store.history(rig.bob, Optional.empty(), 10).items().size() == 2);
    Thread.sleep(100);

    assertThat(recorder.events).hasSize(1);
    recorder.subscription.request(Long.MAX_VALUE);
    recorder.await();
    assertThat(recorder.kinds()).hasSize(5).endsWith(ChatStreamEvent.Kind.COMPLETED);
  }

  @Test
  void givenASecondSubscriber_stream_signalsAnErrorToIt() throws Exception {
    rig.model.thenReply("hi");
    var publisher = service.stream(message(rig.bob, "Hello"));
    subscribe(publisher);

    Recorder second = new Recorder(Long.MAX_VALUE);
    publisher.subscribe(second);

    assertThat(second.await().error).isInstanceOf(IllegalStateException.class);
    assertThat(rig.model.requests()).hasSize(1);
  }

  @Test
  void givenACancelledSubscription_stream_stillStoresTheWholeTurn() throws Exception {
    rig.model.thenReply("a reply nobody reads");
    Recorder recorder = new Recorder(0) {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.cancel();
      }
    };

    service.stream(message(rig.bob, "Hello")).subscribe(recorder);

    waitUntil(() -> rig.store.history(rig.bob, Optional.empty(), 10).items().size() == 2);
    assertThat(recorder.events).isEmpty();
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
