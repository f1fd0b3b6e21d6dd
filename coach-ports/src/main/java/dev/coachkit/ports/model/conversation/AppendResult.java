package dev.coachkit.ports.model.conversation;

import dev.coachkit.ports.model.common.Require;

/**
 * What an append stored: the message, and whether it had already been stored under the same idempotency key
 * (then {@code message} is the earlier one, unchanged).
 */
public record AppendResult(Message message, boolean alreadyStored) {
  public AppendResult {
    Require.nonNull(message, "message");
  }
}
