package dev.coachkit.domain.conversation;

import dev.coachkit.ports.in.conversation.ChatStreamEvent;
import dev.coachkit.ports.in.conversation.SendChatMessageCommand;
import dev.coachkit.ports.in.conversation.StreamChatMessageUseCase;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * Sends a chat message and streams the coach's reply: deltas, tool calls started and finished, then Completed
 * or Failed. The turn is the {@link ChatTurnEngine}'s, run on {@code turnExecutor} when the stream is subscribed
 * to; it blocks that thread while the model answers, so give it an executor sized for concurrent turns.
 */
public final class StreamChatMessageService implements StreamChatMessageUseCase {
  private final ChatTurnEngine engine;
  private final Executor turnExecutor;

  public StreamChatMessageService(ChatTurnEngine engine, Executor turnExecutor) {
    this.engine = Objects.requireNonNull(engine, "engine must not be null");
    this.turnExecutor = Objects.requireNonNull(turnExecutor, "turnExecutor must not be null");
  }

  @Override
  public Flow.Publisher<ChatStreamEvent> stream(SendChatMessageCommand command) {
    Objects.requireNonNull(command, "command must not be null");
    return new ChatTurnPublisher(engine, command, turnExecutor);
  }
}
