package dev.coachkit.ports.model.conversation;

/** Who a message comes from. */
public enum MessageRole {
  USER,
  ASSISTANT,
  SYSTEM,
  TOOL
}
