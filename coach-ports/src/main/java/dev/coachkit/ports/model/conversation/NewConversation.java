package dev.coachkit.ports.model.conversation;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * A conversation to create; with an idempotency key, creating it again for the same user yields the first one.
 */
public record NewConversation(
    ConversationId id, UserId userId, Optional<String> title, Instant createdAt, Optional<String> idempotencyKey) {
  public NewConversation {
    Require.nonNull(id, "id");
    Require.nonNull(userId, "userId");
    Require.optionalText(title, "title", 200);
    Require.nonNull(createdAt, "createdAt");
    Require.optionalText(idempotencyKey, "idempotencyKey", 255);
  }
}
