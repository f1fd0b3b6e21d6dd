package dev.coachkit.adapter.openai.chat.internal;

/** The calling thread was interrupted while waiting for a provider. */
final class ProviderInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ProviderInterruptedException(InterruptedException cause) {
    super("interrupted while waiting for the provider", cause);
  }
}
