package dev.coachkit.ports.model.model;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.conversation.ToolCall;
import java.util.List;

/** The model's answer: text and/or tool calls, the tokens used, and which provider and model answered. */
public record ModelReply(
    String text,
    List<ToolCall> toolCalls,
    TokenUsage usage,
    String provider,
    String model,
    FinishReason finishReason) {
  public ModelReply {
    Require.nonNull(text, "text");
    toolCalls = Require.list(toolCalls, "toolCalls");
    Require.nonNull(usage, "usage");
    Require.text(provider, "provider", 64);
    Require.text(model, "model", 128);
    Require.nonNull(finishReason, "finishReason");
  }
}
