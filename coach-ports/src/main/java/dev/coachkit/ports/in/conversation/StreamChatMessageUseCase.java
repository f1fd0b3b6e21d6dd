package dev.coachkit.ports.in.conversation;

import java.util.concurrent.Flow;

/**
 * Driving port: sends a user's chat message and streams the coach's reply as it is written.
 *
 * <p>The publisher is cold and single-use: the turn starts when it is subscribed to. Refusals arrive as a single
 * {@link ChatStreamEvent.Failed}, not as {@code onError}.
 */
public interface StreamChatMessageUseCase {

  Flow.Publisher<ChatStreamEvent> stream(SendChatMessageCommand command);
}
