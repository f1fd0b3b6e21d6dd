package dev.coachkit.ports.model.conversation;

import dev.coachkit.ports.model.common.MessageId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.VoiceSessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A message to append to a conversation; the store assigns its sequence number.
 *
 * <p>Only ASSISTANT messages carry tool calls, and exactly the TOOL messages carry a tool result.
 */
public record NewMessage(
    MessageId id,
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
  /** Longest message content accepted at the boundary (a long voice transcript fits comfortably). */
  public static final int MAX_CONTENT_LENGTH = 100_000;

  public NewMessage {
    Require.nonNull(id, "id");
    Require.nonNull(role, "role");
    Require.nonNull(channel, "channel");
    Require.nonNull(status, "status");
    Require.maxLength(content, "content", MAX_CONTENT_LENGTH);
    toolCalls = Require.list(toolCalls, "toolCalls");
    Require.nonNull(toolResult, "toolResult");
    Require.nonNull(voiceSessionId, "voiceSessionId");
    Require.optionalText(idempotencyKey, "idempotencyKey", 255);
    Require.nonNull(createdAt, "createdAt");
    checkShape(role, toolCalls, toolResult);
  }

  static void checkShape(MessageRole role, List<ToolCall> toolCalls, Optional<ToolResult> toolResult) {
    if (!toolCalls.isEmpty() && role != MessageRole.ASSISTANT) {
      throw new IllegalArgumentException("toolCalls are only allowed on ASSISTANT messages");
    }
    if (toolResult.isPresent() != (role == MessageRole.TOOL)) {
      throw new IllegalArgumentException("toolResult must be present exactly on TOOL messages");
    }
  }

  /** A complete text-channel message without tools. */
  public static NewMessage text(MessageId id, MessageRole role, String content, Instant createdAt) {
    return new NewMessage(id, role, Channel.TEXT, MessageStatus.COMPLETE, content, List.of(), Optional.empty(),
        Optional.empty(), false, Optional.empty(), createdAt);
  }
}
