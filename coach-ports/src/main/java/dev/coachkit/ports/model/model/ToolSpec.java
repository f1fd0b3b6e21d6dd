package dev.coachkit.ports.model.model;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.json.JsonObject;

/** A tool the model may call: its name, what it does, and the JSON schema of its arguments. */
public record ToolSpec(String name, String description, JsonObject parametersSchema) {
  public ToolSpec {
    Require.text(name, "name", 64);
    if (!name.matches("[a-zA-Z0-9_-]+")) {
      throw new IllegalArgumentException("name must match [a-zA-Z0-9_-]+");
    }
    Require.text(description, "description", 1_024);
    Require.nonNull(parametersSchema, "parametersSchema");
  }
}
