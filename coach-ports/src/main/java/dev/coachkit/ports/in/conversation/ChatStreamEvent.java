package dev.coachkit.ports.in.conversation;

import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.conversation.ToolResult;
import java.time.Duration;
import java.util.Optional;

/**
 * One event of a streamed chat turn: deltas and tool events, then exactly one Completed or Failed.
 *
 * <p>Use {@link #kind()} to handle them exhaustively on Java 17.
 */
public sealed interface ChatStreamEvent
    permits ChatStreamEvent.Delta,
        ChatStreamEvent.ToolCallStarted,
        ChatStreamEvent.ToolCallFinished,
        ChatStreamEvent.Completed,
        ChatStreamEvent.Failed {

  /** The kinds of chat stream event. */
  enum Kind {
    DELTA,
    TOOL_CALL_STARTED,
    TOOL_CALL_FINISHED,
    COMPLETED,
    FAILED
  }

  Kind kind();

  /** A fragment of the reply text. */
  record Delta(String text) implements ChatStreamEvent {
    public Delta {
      Require.nonNull(text, "text");
    }

    @Override
    public Kind kind() {
      return Kind.DELTA;
    }
  }

  /** The model called a tool; the server is running it. */
  record ToolCallStarted(ToolCall call) implements ChatStreamEvent {
    public ToolCallStarted {
      Require.nonNull(call, "call");
    }

    @Override
    public Kind kind() {
      return Kind.TOOL_CALL_STARTED;
    }
  }

  /** A tool call finished with this result. */
  record ToolCallFinished(ToolResult result) implements ChatStreamEvent {
    public ToolCallFinished {
      Require.nonNull(result, "result");
    }

    @Override
    public Kind kind() {
      return Kind.TOOL_CALL_FINISHED;
    }
  }

  /** The turn is complete: the whole reply, including usage. The last event. */
  record Completed(ChatReply reply) implements ChatStreamEvent {
    public Completed {
      Require.nonNull(reply, "reply");
    }

    @Override
    public Kind kind() {
      return Kind.COMPLETED;
    }
  }

  /** The turn was refused or failed part-way (the user's message stays stored). The last event. */
  record Failed(RefusalReason reason, String message, Optional<Duration> retryAfter) implements ChatStreamEvent {
    public Failed {
      Require.nonNull(reason, "reason");
      Require.text(message, "message", 2_000);
      Require.nonNull(retryAfter, "retryAfter");
    }

    @Override
    public Kind kind() {
      return Kind.FAILED;
    }
  }
}
