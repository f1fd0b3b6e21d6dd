package dev.coachkit.ports.model.model;

import dev.coachkit.ports.model.common.Require;
import java.util.List;
import java.util.Optional;

/**
 * A request to the language model: system instructions, the history window ending with the user's message, the
 * tools it may call, an optional JSON response schema and an output cap.
 */
public record ModelRequest(
    String instructions,
    List<ModelMessage> history,
    List<ToolSpec> tools,
    Optional<ResponseSchema> responseSchema,
    int maxOutputTokens) {
  public ModelRequest {
    Require.nonNull(instructions, "instructions");
    history = Require.list(history, "history");
    if (history.isEmpty()) {
      throw new IllegalArgumentException("history must not be empty");
    }
    tools = Require.list(tools, "tools");
    if (tools.stream().map(ToolSpec::name).distinct().count() != tools.size()) {
      throw new IllegalArgumentException("tools must have distinct names");
    }
    Require.nonNull(responseSchema, "responseSchema");
    Require.positive(maxOutputTokens, "maxOutputTokens");
  }
}
