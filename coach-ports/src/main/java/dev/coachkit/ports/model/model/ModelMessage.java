package dev.coachkit.ports.model.model;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.conversation.ToolCall;
import java.util.List;

/** One entry of the history sent to the model. */
public sealed interface ModelMessage
    permits ModelMessage.SystemText, ModelMessage.UserText, ModelMessage.AssistantText, ModelMessage.ToolOutput {

  /** A system (developer) note inside the history, besides the request's instructions. */
  record SystemText(String text) implements ModelMessage {
    public SystemText {
      Require.text(text, "text", Integer.MAX_VALUE);
    }
  }

  /** What the user said or typed. */
  record UserText(String text) implements ModelMessage {
    public UserText {
      Require.nonNull(text, "text");
    }
  }

  /** What the assistant said, and the tool calls it made in that turn. */
  record AssistantText(String text, List<ToolCall> toolCalls) implements ModelMessage {
    public AssistantText {
      Require.nonNull(text, "text");
      toolCalls = Require.list(toolCalls, "toolCalls");
    }
  }

  /** The result of a tool call, as the text (usually JSON) the model reads. */
  record ToolOutput(String callId, String name, String content) implements ModelMessage {
    public ToolOutput {
      Require.text(callId, "callId", 128);
      Require.text(name, "name", 64);
      Require.nonNull(content, "content");
    }
  }
}
