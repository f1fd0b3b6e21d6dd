package dev.coachkit.adapter.web.voice;

import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.RefusalReason;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * RFC 9457 problem details for the voice resources' refusals. Local to the voice package until the web adapter
 * has one shared mapper; the status per {@link RefusalReason} is the same everywhere.
 */
final class VoiceProblems {
  static final String MEDIA_TYPE = "application/problem+json";

  private VoiceProblems() {
  }

  /** The problem body: {@code type}, {@code title}, {@code status}, {@code detail}, and our {@code code}. */
  record Problem(String type, String title, int status, String detail, String code, Long retryAfterSeconds) {
  }

  static Response of(Refusal refusal) {
    int status = status(refusal.reason());
    String code = refusal.reason().name().toLowerCase(Locale.ROOT);
    Long retry = refusal.retryAfter().map(d -> Math.max(1, (d.toMillis() + 999) / 1000)).orElse(null);
    if (retry == null && status == 429) {
      retry = 60L;
    }
    Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE)
        .entity(new Problem("urn:coachkit:problem:" + code.replace('_', '-'), title(refusal.reason()), status,
            refusal.message(), code, retry));
    if (retry != null) {
      response.header("Retry-After", retry);
    }
    return response.build();
  }

  static Response badRequest(String detail) {
    return Response.status(400).type(MEDIA_TYPE)
        .entity(new Problem("urn:coachkit:problem:invalid-request", "Invalid request", 400, detail, "invalid_request",
            null))
        .build();
  }

  static int status(RefusalReason reason) {
    switch (reason) {
      case NOT_FOUND:
        return 404;
      case VOICE_SESSION_ACTIVE:
      case INVALID_STATE:
        return 409;
      case BUDGET_EXCEEDED:
      case RATE_LIMITED:
        return 429;
      case INVALID_REQUEST:
        return 400;
      case CONTENT_FILTERED:
        return 422;
      case MODEL_NOT_CONFIGURED:
      case MODEL_UNAVAILABLE:
        return 503;
      default:
        return 500;
    }
  }

  private static String title(RefusalReason reason) {
    switch (reason) {
      case NOT_FOUND:
        return "Not found";
      case VOICE_SESSION_ACTIVE:
        return "A voice session is already open";
      case INVALID_STATE:
        return "Not possible in the current state";
      case BUDGET_EXCEEDED:
        return "Budget exceeded";
      case RATE_LIMITED:
        return "Too many requests";
      case INVALID_REQUEST:
        return "Invalid request";
      case CONTENT_FILTERED:
        return "Content filtered";
      case MODEL_NOT_CONFIGURED:
        return "Model not configured";
      case MODEL_UNAVAILABLE:
        return "Model unavailable";
      default:
        return "Refused";
    }
  }
}
