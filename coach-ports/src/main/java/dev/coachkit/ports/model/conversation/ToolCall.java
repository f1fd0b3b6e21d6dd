package dev.coachkit.ports.model.conversation;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.json.JsonValue;

/**
 * A model's request to run a tool, with its provider-assigned call id and parsed JSON arguments.
 *
 * <p>Arguments the model sent that are not valid JSON arrive as a {@code JsonString} holding the raw text, so the
 * tool can answer with an error the model can read instead of failing the turn.
 */
public record ToolCall(String callId, String name, JsonValue arguments) {
  public ToolCall {
    Require.text(callId, "callId", 128);
    Require.text(name, "name", 64);
    Require.nonNull(arguments, "arguments");
  }
}
