package dev.coachkit.ports.model.conversation;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * A user's conversation with the coach; {@code messageCount} is also the sequence number of its last message.
 */
public record Conversation(
    ConversationId id,
    UserId userId,
    Optional<String> title,
    Instant createdAt,
    Instant lastActivityAt,
    long messageCount) {
  public Conversation {
    Require.nonNull(id, "id");
    Require.nonNull(userId, "userId");
    Require.optionalText(title, "title", 200);
    Require.nonNull(createdAt, "createdAt");
    Require.nonNull(lastActivityAt, "lastActivityAt");
    Require.nonNegative(messageCount, "messageCount");
  }
}
