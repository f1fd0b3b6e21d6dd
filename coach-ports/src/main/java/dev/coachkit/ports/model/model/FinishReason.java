package dev.coachkit.ports.model.model;

/** Why the model stopped producing output. */
public enum FinishReason {
  /** A natural end of the answer. */
  STOP,
  /** The model wants tool calls run before it answers. */
  TOOL_CALLS,
  /** The output cap was reached. */
  LENGTH,
  /** The provider filtered the content. */
  CONTENT_FILTER,
  /** Anything else the provider reported. */
  OTHER
}
