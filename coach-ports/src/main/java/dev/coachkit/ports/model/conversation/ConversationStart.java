package dev.coachkit.ports.model.conversation;

import dev.coachkit.ports.model.common.Require;

/**
 * What starting a conversation with its first message stored: the conversation as it is after the append, and the
 * append's result (for a repeated idempotency key, the earlier conversation and its earlier message).
 */
public record ConversationStart(Conversation conversation, AppendResult first) {
  public ConversationStart {
    Require.nonNull(conversation, "conversation");
    Require.nonNull(first, "first");
  }
}
