package dev.coachkit.domain.conversation;

import dev.coachkit.ports.in.conversation.ListMessageHistoryQuery;
import dev.coachkit.ports.in.conversation.ListMessageHistoryUseCase;
import dev.coachkit.ports.model.common.Page;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.out.conversation.ConversationStore;
import java.util.Objects;

/** Pages backwards through a user's messages across all conversations, voice and text, tool calls included. */
public final class ListMessageHistoryService implements ListMessageHistoryUseCase {
  private final ConversationStore conversations;

  public ListMessageHistoryService(ConversationStore conversations) {
    this.conversations = Objects.requireNonNull(conversations, "conversations must not be null");
  }

  @Override
  public Page<Message> list(ListMessageHistoryQuery query) {
    return conversations.history(query.userId(), query.cursor(), query.limit());
  }
}
