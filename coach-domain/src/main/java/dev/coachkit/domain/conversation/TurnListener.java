package dev.coachkit.domain.conversation;

import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.conversation.ToolResult;

/** What a running turn reports as it goes; the streaming service turns these into stream events. */
interface TurnListener {
  TurnListener NONE = new TurnListener() {};

  default void onDelta(String text) {}

  default void onToolCallStarted(ToolCall call) {}

  default void onToolCallFinished(ToolResult result) {}
}
