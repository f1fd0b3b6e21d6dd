package dev.coachkit.domain.conversation;

import dev.coachkit.ports.in.conversation.ListConversationsQuery;
import dev.coachkit.ports.in.conversation.ListConversationsUseCase;
import dev.coachkit.ports.model.common.Page;
import dev.coachkit.ports.model.conversation.Conversation;
import dev.coachkit.ports.out.conversation.ConversationStore;
import java.util.Objects;

/** Lists a user's conversations, most recently active first. */
public final class ListConversationsService implements ListConversationsUseCase {
  private final ConversationStore conversations;

  public ListConversationsService(ConversationStore conversations) {
    this.conversations = Objects.requireNonNull(conversations, "conversations must not be null");
  }

  @Override
  public Page<Conversation> list(ListConversationsQuery query) {
    return conversations.list(query.userId(), query.cursor(), query.limit());
  }
}
