package dev.coachkit.ports.in.conversation;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.util.Optional;

/** Which page of one conversation's messages to read: those before a sequence number (limit 1..100). */
public record ListConversationMessagesQuery(
    UserId userId, ConversationId conversationId, Optional<Long> beforeSequence, int limit) {
  public ListConversationMessagesQuery {
    Require.nonNull(userId, "userId");
    Require.nonNull(conversationId, "conversationId");
    Require.nonNull(beforeSequence, "beforeSequence").ifPresent(s -> Require.positive(s, "beforeSequence"));
    Require.limit(limit);
  }
}
