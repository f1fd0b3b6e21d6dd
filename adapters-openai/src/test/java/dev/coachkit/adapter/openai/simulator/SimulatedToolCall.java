package dev.coachkit.adapter.openai.simulator;

import java.util.Objects;

/**
 * A function call the simulated model makes: the call id the client must answer with a {@code tool} message, the
 * function name, and the arguments as the JSON text the model emits (OpenAI sends arguments as a string).
 */
public record SimulatedToolCall(String id, String name, String arguments) {

  public SimulatedToolCall {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(arguments, "arguments must not be null");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
  }

  /** A call with a fresh OpenAI-style id ({@code call_…}). */
  public static SimulatedToolCall of(String name, String argumentsJson) {
    return new SimulatedToolCall(Ids.toolCallId(), name, argumentsJson);
  }
}
