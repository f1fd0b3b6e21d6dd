package dev.coachkit.ports.in.conversation;

/** Driving port: sends a user's chat message and waits for the coach's reply. */
public interface SendChatMessageUseCase {

  ChatTurnResult send(SendChatMessageCommand command);
}
