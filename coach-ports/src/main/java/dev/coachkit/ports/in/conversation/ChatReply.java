package dev.coachkit.ports.in.conversation;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.MessageId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.conversation.ToolResult;
import dev.coachkit.ports.model.model.TokenUsage;
import java.time.Instant;
import java.util.List;

/**
 * The coach's reply to one chat turn: the stored reply message, suggested next actions, whether a plan is needed,
 * the tool calls made and their results, the tokens used, and which provider and model answered.
 */
public record ChatReply(
    MessageId messageId,
    ConversationId conversationId,
    String content,
    List<String> suggestedActions,
    boolean requiresWorkoutPlan,
    boolean requiresNutritionPlan,
    List<ToolCall> toolCalls,
    List<ToolResult> toolResults,
    TokenUsage usage,
    String provider,
    String model,
    Instant createdAt) {
  public ChatReply {
    Require.nonNull(messageId, "messageId");
    Require.nonNull(conversationId, "conversationId");
    Require.nonNull(content, "content");
    suggestedActions = Require.texts(suggestedActions, "suggestedActions", 10, 200);
    toolCalls = Require.list(toolCalls, "toolCalls");
    toolResults = Require.list(toolResults, "toolResults");
    Require.nonNull(usage, "usage");
    Require.text(provider, "provider", 64);
    Require.text(model, "model", 128);
    Require.nonNull(createdAt, "createdAt");
  }
}
