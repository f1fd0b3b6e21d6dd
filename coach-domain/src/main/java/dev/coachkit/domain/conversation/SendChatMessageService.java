package dev.coachkit.domain.conversation;

import dev.coachkit.ports.in.conversation.ChatTurnResult;
import dev.coachkit.ports.in.conversation.SendChatMessageCommand;
import dev.coachkit.ports.in.conversation.SendChatMessageUseCase;
import java.util.Objects;

/** Sends a chat message and waits for the coach's reply; the turn itself is the {@link ChatTurnEngine}'s. */
public final class SendChatMessageService implements SendChatMessageUseCase {
  private final ChatTurnEngine engine;

  public SendChatMessageService(ChatTurnEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine must not be null");
  }

  @Override
  public ChatTurnResult send(SendChatMessageCommand command) {
    return engine.run(command, false, TurnListener.NONE);
  }
}
