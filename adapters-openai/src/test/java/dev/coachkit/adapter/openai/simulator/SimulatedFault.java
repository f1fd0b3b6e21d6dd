package dev.coachkit.adapter.openai.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A scripted failure answered instead of a reply: an HTTP error with an OpenAI-shaped {@code ErrorResponse} body
 * (and {@code Retry-After} where given), or a connection closed before any response byte. Messages, types and codes
 * are the ones OpenAI documents for these statuses.
 */
public final class SimulatedFault {

  private final int status;
  private final String type;
  private final String code;
  private final String message;
  private final Duration retryAfter;

  private SimulatedFault(int status, String type, String code, String message, Duration retryAfter) {
    this.status = status;
    this.type = type;
    this.code = code;
    this.message = message;
    this.retryAfter = retryAfter;
  }

  /** 429 {@code rate_limit_exceeded} with {@code Retry-After} (whole seconds, rounded up) and {@code retry-after-ms}. */
  public static SimulatedFault rateLimited(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter must not be null");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative but was " + retryAfter);
    }
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return new SimulatedFault(429, "requests", "rate_limit_exceeded",
        "Rate limit reached for requests in organization org-simulator on requests per min (RPM): Limit 3, Used 3, "
            + "Requested 1. Please try again in " + seconds + "s.", retryAfter);
  }

  /** 429 {@code insufficient_quota}: a 429 that retrying does not cure (no {@code Retry-After}). */
  public static SimulatedFault quotaExceeded() {
    return new SimulatedFault(429, "insufficient_quota", "insufficient_quota",
        "You exceeded your current quota, please check your plan and billing details.", null);
  }

  /** 500 {@code server_error}. */
  public static SimulatedFault serverError() {
    return new SimulatedFault(500, "server_error", null,
        "The server had an error while processing your request. Sorry about that!", null);
  }

  /** 503 {@code server_error} (overloaded). */
  public static SimulatedFault serviceUnavailable() {
    return new SimulatedFault(503, "server_error", null,
        "The engine is currently overloaded, please try again later.", null);
  }

  /** Any HTTP error with an OpenAI-shaped body. */
  public static SimulatedFault httpError(int status, String type, String code, String message) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 4xx or 5xx but was " + status);
    }
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(message, "message must not be null");
    return new SimulatedFault(status, type, code, message, null);
  }

  /** The connection is closed before any response byte (a blocking or streaming request alike). */
  public static SimulatedFault droppedConnection() {
    return new SimulatedFault(0, null, null, null, null);
  }

  /** The same error with a {@code Retry-After} header. */
  public SimulatedFault withRetryAfter(Duration newRetryAfter) {
    Objects.requireNonNull(newRetryAfter, "retryAfter must not be null");
    if (isDroppedConnection()) {
      throw new IllegalStateException("a dropped connection has no headers");
    }
    return new SimulatedFault(status, type, code, message, newRetryAfter);
  }

  public boolean isDroppedConnection() {
    return status == 0;
  }

  /** The HTTP status, or 0 for a dropped connection. */
  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  public String message() {
    return message;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public String toString() {
    return isDroppedConnection() ? "SimulatedFault[dropped connection]"
        : "SimulatedFault[" + status + " " + type + (retryAfter == null ? "" : " retry after " + retryAfter) + "]";
  }
}
