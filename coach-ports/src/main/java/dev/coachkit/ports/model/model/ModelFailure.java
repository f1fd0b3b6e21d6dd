package dev.coachkit.ports.model.model;

import dev.coachkit.ports.model.common.Require;
import java.time.Duration;
import java.util.Optional;

/** Thrown (or reported to a stream listener) when a language or realtime model cannot answer. */
public final class ModelFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The kinds of failure the domain explains differently to the user. */
  public enum Kind {
    /** No provider is configured. */
    NOT_CONFIGURED,
    /** The provider rate-limited us (after retries). */
    RATE_LIMITED,
    /** The provider is down or unreachable (after retries and fallbacks). */
    UNAVAILABLE,
    /** The provider did not answer in time. */
    TIMEOUT,
    /** The provider rejected the request as invalid (a 4xx other than auth and rate limit). */
    REJECTED_REQUEST,
    /** The provider rejected our credentials. */
    AUTHENTICATION,
    /** The provider filtered the content. */
    CONTENT_FILTERED,
    /** The call was cut off part-way, e.g. a dropped stream. */
    INTERRUPTED
  }

  private final Kind kind;
  private final transient Optional<Duration> retryAfter;
  private final String provider;

  public ModelFailure(Kind kind, String provider, String message, Optional<Duration> retryAfter, Throwable cause) {
    super(Require.text(message, "message", 4_000), cause);
    this.kind = Require.nonNull(kind, "kind");
    this.provider = Require.text(provider, "provider", 64);
    this.retryAfter = Require.nonNull(retryAfter, "retryAfter");
  }

  public ModelFailure(Kind kind, String provider, String message) {
    this(kind, provider, message, Optional.empty(), null);
  }

  public Kind kind() {
    return kind;
  }

  /** When the provider said to retry, if it did. */
  public Optional<Duration> retryAfter() {
    return retryAfter == null ? Optional.empty() : retryAfter;
  }

  public String provider() {
    return provider;
  }
}
