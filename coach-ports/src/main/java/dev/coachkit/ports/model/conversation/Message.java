package dev.coachkit.ports.model.conversation;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.MessageId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A stored message: its place in the conversation is {@code sequence}, 1, 2, 3, … without gaps. */
public record Message(
    MessageId id,
    ConversationId conversationId,
    UserId userId,
    long sequence,
    MessageRole role,
    Channel channel,
    MessageStatus status,
    String content,
    List<ToolCall> toolCalls,
    Optional<ToolResult> toolResult,
    Optional<VoiceSessionId> voiceSessionId,
    boolean flaggedForReview,
    Optional<String> idempotencyKey,
    Instant createdAt) {
  public Message {
    Require.nonNull(id, "id");
    Require.nonNull(conversationId, "conversationId");
    Require.nonNull(userId, "userId");
    Require.positive(sequence, "sequence");
    Require.nonNull(role, "role");
    Require.nonNull(channel, "channel");
    Require.nonNull(status, "status");
    Require.maxLength(content, "content", NewMessage.MAX_CONTENT_LENGTH);
    toolCalls = Require.list(toolCalls, "toolCalls");
    Require.nonNull(toolResult, "toolResult");
    Require.nonNull(voiceSessionId, "voiceSessionId");
    Require.optionalText(idempotencyKey, "idempotencyKey", 255);
    Require.nonNull(createdAt, "createdAt");
    NewMessage.checkShape(role, toolCalls, toolResult);
  }

  /** The stored form of a new message. */
  public static Message stored(NewMessage m, ConversationId conversationId, UserId userId, long sequence) {
    return new Message(m.id(), conversationId, userId, sequence, m.role(), m.channel(), m.status(), m.content(),
        m.toolCalls(), m.toolResult(), m.voiceSessionId(), m.flaggedForReview(), m.idempotencyKey(),
        m.createdAt());
  }
}
