package dev.coachkit.adapter.openai.realtime.internal;

import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.ModelFailure.Kind;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Maps handshake and HTTP outcomes to the port's {@link ModelFailure} kinds. */
public final class Failures {

  private Failures() {
  }

  /** A failure of this kind from the realtime adapter. */
  public static ModelFailure of(Kind kind, String message, Throwable cause) {
    return new ModelFailure(kind, RealtimeSettings.PROVIDER, limit(message), Optional.empty(), cause);
  }

  /** The adapter is not configured. */
  public static ModelFailure notConfigured(RealtimeSettings settings) {
    return of(Kind.NOT_CONFIGURED, "the OpenAI realtime model is not configured: "
        + String.join("; ", settings.notes()) + "; " + RealtimeSettings.HOW_TO_CONFIGURE, null);
  }

  /** The kind an HTTP status (handshake or REST) stands for. */
  public static Kind forStatus(int status) {
    if (status == 401 || status == 403) {
      return Kind.AUTHENTICATION;
    }
    if (status == 429) {
      return Kind.RATE_LIMITED;
    }
    if (status == 408 || status == 504) {
      return Kind.TIMEOUT;
    }
    if (status >= 500) {
      return Kind.UNAVAILABLE;
    }
    return Kind.REJECTED_REQUEST;
  }

  /** An HTTP error answer. */
  public static ModelFailure forHttp(int status, String what, String body, Optional<Duration> retryAfter) {
    return new ModelFailure(forStatus(status), RealtimeSettings.PROVIDER, limit(what + " answered HTTP " + status
        + (body == null || body.isBlank() ? "" : ": " + body.strip())), retryAfter, null);
  }

  /** A failed WebSocket open (handshake refused, connection refused, timeout). */
  public static ModelFailure forConnect(Throwable error, String where) {
    Throwable t = unwrap(error);
    if (t instanceof ModelFailure) {
      return (ModelFailure) t;
    }
    if (t instanceof WebSocketHandshakeException) {
      int status = ((WebSocketHandshakeException) t).getResponse().statusCode();
      Object body = ((WebSocketHandshakeException) t).getResponse().body();
      return of(forStatus(status), "the realtime API refused the WebSocket at " + where + " with HTTP " + status
          + (body == null ? "" : ": " + body), t);
    }
    if (t instanceof HttpTimeoutException) {
      return of(Kind.TIMEOUT, "timed out connecting to the realtime API at " + where, t);
    }
    if (t instanceof IOException) {
      return of(Kind.UNAVAILABLE, "cannot reach the realtime API at " + where + ": " + t, t);
    }
    if (t instanceof InterruptedException) {
      return of(Kind.INTERRUPTED, "interrupted while connecting to " + where, t);
    }
    return of(Kind.UNAVAILABLE, "cannot open the realtime WebSocket at " + where + ": " + t, t);
  }

  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  private static String limit(String message) {
    return message.length() <= 3_900 ? message : message.substring(0, 3_900) + "…";
  }
}
