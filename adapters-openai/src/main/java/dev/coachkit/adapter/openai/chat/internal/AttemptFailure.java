package dev.coachkit.adapter.openai.chat.internal;

import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.ModelFailure.Kind;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * One failed attempt at one provider, classified: the port-level kind, whether retrying the same provider may help,
 * whether the next provider should be tried, and the provider's retry-after.
 *
 * <p>Retried: 429 (except {@code insufficient_quota}), 408, 5xx, timeouts, connection errors. Falls back: all of those
 * and {@code insufficient_quota}. Neither: other 4xx (the request or our credentials are wrong; another provider would
 * not fix that), content filtering, interruption.
 */
record AttemptFailure(Kind kind, boolean retryable, boolean fallback, Optional<Duration> retryAfter, String message,
    Throwable cause) {

  static AttemptFailure classify(Throwable error, Clock clock) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProviderHttpException http) {
        return fromHttp(http, clock, error);
      }
      if (t instanceof ContentFilteredException) {
        return new AttemptFailure(Kind.CONTENT_FILTERED, false, false, Optional.empty(),
            "the provider refused or filtered the content: " + t.getMessage(), error);
      }
      if (t instanceof ProviderInterruptedException || t instanceof InterruptedException) {
        return new AttemptFailure(Kind.INTERRUPTED, false, false, Optional.empty(),
            "interrupted while waiting for the provider", error);
      }
      // Before the read timeouts: Apache's connect timeout is a SocketTimeoutException too.
      if (t instanceof ConnectTimeoutException) {
        return new AttemptFailure(Kind.UNAVAILABLE, true, true, Optional.empty(),
            "could not connect to the provider in time", error);
      }
      if (t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException) {
        return new AttemptFailure(Kind.TIMEOUT, true, true, Optional.empty(),
            "the provider did not answer in time (" + rootMessage(t) + ")", error);
      }
      if (t instanceof java.net.UnknownHostException) {
        return new AttemptFailure(Kind.UNAVAILABLE, true, true, Optional.empty(),
            "cannot resolve the provider's host", error);
      }
    }
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException || t instanceof UncheckedIOException) {
        return new AttemptFailure(Kind.UNAVAILABLE, true, true, Optional.empty(),
            "connection to the provider failed: " + rootMessage(t), error);
      }
    }
    // Unknown: most likely a response LangChain4j could not read (e.g. a malformed stream chunk). Treat the
    // provider as unusable for this turn, but do not hammer it.
    return new AttemptFailure(Kind.UNAVAILABLE, false, true, Optional.empty(),
        "unexpected failure talking to the provider: " + rootMessage(error), error);
  }

  private static AttemptFailure fromHttp(ProviderHttpException http, Clock clock, Throwable error) {
    int status = http.statusCode();
    String code = http.errorCode().orElse("");
    String detail = "HTTP " + status + (code.isEmpty() ? "" : " " + code)
        + http.header("x-request-id").map(id -> " (request " + id + ")").orElse("") + ": " + http.errorMessage();
    Optional<Duration> retryAfter = retryAfter(http, clock);
    if (status == 429) {
      boolean quota = "insufficient_quota".equals(code) || "insufficient_quota".equals(http.errorType().orElse(""));
      return new AttemptFailure(Kind.RATE_LIMITED, !quota, true, retryAfter, detail, error);
    }
    if (status == 408) {
      return new AttemptFailure(Kind.TIMEOUT, true, true, retryAfter, detail, error);
    }
    if (status >= 500) {
      return new AttemptFailure(Kind.UNAVAILABLE, true, true, retryAfter, detail, error);
    }
    if (status == 401 || status == 403) {
      return new AttemptFailure(Kind.AUTHENTICATION, false, false, Optional.empty(), detail, error);
    }
    if ("content_filter".equals(code) || "content_policy_violation".equals(code)) {
      return new AttemptFailure(Kind.CONTENT_FILTERED, false, false, Optional.empty(), detail, error);
    }
    return new AttemptFailure(Kind.REJECTED_REQUEST, false, false, Optional.empty(), detail, error);
  }

  /**
   * The provider's wait hint: {@code retry-after-ms} (milliseconds, OpenAI and Azure send it), else
   * {@code Retry-After} in seconds or as an HTTP date.
   */
  static Optional<Duration> retryAfter(ProviderHttpException http, Clock clock) {
    Optional<String> millis = http.header("retry-after-ms");
    if (millis.isPresent()) {
      try {
        double value = Double.parseDouble(millis.get().strip());
        if (value >= 0 && Double.isFinite(value)) {
          return Optional.of(Duration.ofMillis((long) Math.ceil(value)));
        }
      } catch (NumberFormatException ignored) {
        // fall through to Retry-After
      }
    }
    Optional<String> header = http.header("retry-after");
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get().strip();
    try {
      double seconds = Double.parseDouble(value);
      if (seconds >= 0 && Double.isFinite(seconds)) {
        return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
      }
      return Optional.empty();
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  /** The port failure for this attempt, reported as coming from {@code provider}. */
  ModelFailure toModelFailure(String provider) {
    return toModelFailure(provider, kind, message);
  }

  ModelFailure toModelFailure(String provider, Kind reportedKind, String reportedMessage) {
    String text = provider + ": " + reportedMessage;
    if (text.length() > 4_000) {
      text = text.substring(0, 3_997) + "...";
    }
    return new ModelFailure(reportedKind, provider, text, retryAfter, cause);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
