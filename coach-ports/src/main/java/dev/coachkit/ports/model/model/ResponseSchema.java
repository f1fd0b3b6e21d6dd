package dev.coachkit.ports.model.model;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.json.JsonObject;

/** A JSON schema the model's reply must follow (strict structured output), e.g. for a check-in summary. */
public record ResponseSchema(String name, JsonObject schema) {
  public ResponseSchema {
    Require.text(name, "name", 64);
    if (!name.matches("[a-zA-Z0-9_-]+")) {
      throw new IllegalArgumentException("name must match [a-zA-Z0-9_-]+");
    }
    Require.nonNull(schema, "schema");
  }
}
