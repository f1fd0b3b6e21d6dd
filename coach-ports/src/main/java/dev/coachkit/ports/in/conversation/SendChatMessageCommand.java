package dev.coachkit.ports.in.conversation;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.util.Optional;

/**
 * A user's chat message: into an existing conversation or a new one; a retried request with the same idempotency
 * key yields the first request's turn instead of a second one.
 */
public record SendChatMessageCommand(
    UserId userId, Optional<ConversationId> conversationId, String text, Optional<String> idempotencyKey) {
  /** Longest chat message a user may send. */
  public static final int MAX_TEXT_LENGTH = 4_000;

  public SendChatMessageCommand {
    Require.nonNull(userId, "userId");
    Require.nonNull(conversationId, "conversationId");
    Require.text(text, "text", MAX_TEXT_LENGTH);
    Require.optionalText(idempotencyKey, "idempotencyKey", 255);
  }
}
