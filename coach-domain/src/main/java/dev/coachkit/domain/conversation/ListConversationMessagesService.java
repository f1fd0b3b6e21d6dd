package dev.coachkit.domain.conversation;

import dev.coachkit.ports.in.conversation.ListConversationMessagesQuery;
import dev.coachkit.ports.in.conversation.ListConversationMessagesUseCase;
import dev.coachkit.ports.model.common.Page;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.out.conversation.ConversationStore;
import java.util.Objects;
import java.util.Optional;

/** Pages through one of the user's conversations; another user's conversation is reported as absent. */
public final class ListConversationMessagesService implements ListConversationMessagesUseCase {
  private final ConversationStore conversations;

  public ListConversationMessagesService(ConversationStore conversations) {
    this.conversations = Objects.requireNonNull(conversations, "conversations must not be null");
  }

  @Override
  public Optional<Page<Message>> list(ListConversationMessagesQuery query) {
    if (conversations.find(query.userId(), query.conversationId()).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(conversations.messages(query.userId(), query.conversationId(), query.beforeSequence(),
        query.limit()));
  }
}
