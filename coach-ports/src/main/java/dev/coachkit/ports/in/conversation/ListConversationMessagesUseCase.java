package dev.coachkit.ports.in.conversation;

import dev.coachkit.ports.model.common.Page;
import dev.coachkit.ports.model.conversation.Message;
import java.util.Optional;

/**
 * Driving port: pages through one conversation's messages (voice and text, tool calls included) in order.
 *
 * <p>Empty when the conversation does not exist or is another user's.
 */
public interface ListConversationMessagesUseCase {

  Optional<Page<Message>> list(ListConversationMessagesQuery query);
}
