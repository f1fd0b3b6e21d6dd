package dev.coachkit.adapter.openai.simulator;

import java.util.Objects;

/**
 * One way a JSON instance breaks the OpenAI contract: where (a JSON pointer into the instance, {@code ""} for the
 * root), which rule ({@code type}, {@code required}, {@code enum}, {@code oneOf}, {@code unevaluatedProperties}, or
 * {@code script} for a mismatch between a scripted reply and the request) and the validator's message.
 */
public record ContractViolation(String instanceLocation, String keyword, String message) {

  public ContractViolation {
    Objects.requireNonNull(instanceLocation, "instanceLocation must not be null");
    Objects.requireNonNull(keyword, "keyword must not be null");
    Objects.requireNonNull(message, "message must not be null");
  }

  @Override
  public String toString() {
    return (instanceLocation.isEmpty() ? "/" : instanceLocation) + " [" + keyword + "] " + message;
  }
}
