package dev.coachkit.domain.tool;

/** Tool arguments the model sent are unusable; the message is written for the model to read and fix. */
final class ToolArgumentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ToolArgumentException(String message) {
    super(message, null, false, false);
  }
}
