package dev.coachkit.ports.model.conversation;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.json.JsonValue;

/** The outcome of running a tool call; {@code error} results are for the model to read, not exceptions. */
public record ToolResult(String callId, String name, JsonValue result, boolean error) {
  public ToolResult {
    Require.text(callId, "callId", 128);
    Require.text(name, "name", 64);
    Require.nonNull(result, "result");
  }
}
