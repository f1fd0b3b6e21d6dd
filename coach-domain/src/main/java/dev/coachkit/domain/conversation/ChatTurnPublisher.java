package dev.coachkit.domain.conversation;

import dev.coachkit.ports.in.conversation.ChatStreamEvent;
import dev.coachkit.ports.in.conversation.ChatTurnResult;
import dev.coachkit.ports.in.conversation.SendChatMessageCommand;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.conversation.ToolResult;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cold, single-use publisher of one chat turn's events, built on {@link SubmissionPublisher} (which honours the
 * subscriber's demand and cancellation).
 *
 * <p>The turn starts on subscription. A second subscriber gets {@code onError}. If the subscriber cancels, the
 * turn still runs to its end so the conversation is stored whole, but nothing more is delivered. An event the
 * subscriber has not made room for within {@link #OFFER_TIMEOUT_SECONDS} seconds is dropped, so a stalled
 * subscriber cannot hold a turn forever. Unexpected failures (not refusals) end the stream with {@code onError}.
 */
final class ChatTurnPublisher implements Flow.Publisher<ChatStreamEvent> {
  static final long OFFER_TIMEOUT_SECONDS = 30;

  private final ChatTurnEngine engine;
  private final SendChatMessageCommand command;
  private final Executor turnExecutor;
  private final AtomicBoolean subscribed = new AtomicBoolean();

  ChatTurnPublisher(ChatTurnEngine engine, SendChatMessageCommand command, Executor turnExecutor) {
    this.engine = engine;
    this.command = command;
    this.turnExecutor = turnExecutor;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ChatStreamEvent> subscriber) {
    if (subscriber == null) {
      throw new NullPointerException("subscriber must not be null");
    }
    if (!subscribed.compareAndSet(false, true)) {
      subscriber.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      });
      subscriber.onError(new IllegalStateException("a chat turn stream can be subscribed to only once"));
      return;
    }
    SubmissionPublisher<ChatStreamEvent> events = new SubmissionPublisher<>();
    events.subscribe(subscriber);
    try {
      turnExecutor.execute(() -> runTurn(events));
    } catch (RejectedExecutionException e) {
      events.closeExceptionally(e);
    }
  }

  private void runTurn(SubmissionPublisher<ChatStreamEvent> events) {
    try {
      ChatTurnResult result = engine.run(command, true, new TurnListener() {
        @Override
        public void onDelta(String text) {
          offer(events, new ChatStreamEvent.Delta(text));
        }

        @Override
        public void onToolCallStarted(ToolCall call) {
          offer(events, new ChatStreamEvent.ToolCallStarted(call));
        }

        @Override
        public void onToolCallFinished(ToolResult result) {
          offer(events, new ChatStreamEvent.ToolCallFinished(result));
        }
      });
      if (result instanceof ChatTurnResult.Replied) {
        offer(events, new ChatStreamEvent.Completed(((ChatTurnResult.Replied) result).reply()));
      } else {
        Refusal refusal = ((ChatTurnResult.Refused) result).refusal();
        offer(events, new ChatStreamEvent.Failed(refusal.reason(), refusal.message(), refusal.retryAfter()));
      }
      events.close();
    } catch (RuntimeException | Error e) {
      events.closeExceptionally(e);
    }
  }

  private static void offer(SubmissionPublisher<ChatStreamEvent> events, ChatStreamEvent event) {
    events.offer(event, OFFER_TIMEOUT_SECONDS, TimeUnit.SECONDS, (subscriber, dropped) -> false);
  }
}
