package dev.coachkit.adapter.web.problem;

import jakarta.ws.rs.core.Response;

/** The kinds of problem the API reports, with their type URI, title and HTTP status. */
public enum ProblemType {
  VALIDATION("validation", "Invalid request", 400),
  MALFORMED_BODY("malformed-body", "Malformed request body", 400),
  BODY_TOO_LARGE("body-too-large", "Request body too large", 413),
  UNAUTHORIZED("unauthorized", "Authentication required", 401),
  NOT_FOUND("not-found", "Not found", 404),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
  NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
  UNPROCESSABLE("unprocessable", "Request cannot be carried out", 422),
  CONFLICT("conflict", "Conflict with the current state", 409),
  BUDGET_EXCEEDED("budget-exceeded", "Daily budget exceeded", 429),
  RATE_LIMITED("rate-limited", "Too many requests", 429),
  MODEL_NOT_CONFIGURED("model-not-configured", "No model provider configured", 503),
  MODEL_UNAVAILABLE("model-unavailable", "Model provider unavailable", 503),
  CONTENT_FILTERED("content-filtered", "Content filtered", 422),
  HTTP_ERROR("http-error", "Request failed", 400),
  INTERNAL("internal", "Internal server error", 500);

  /** Base of every problem type URI. */
  public static final String BASE = "https://coachkit.dev/problems/";

  private final String slug;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
  }

  public String uri() {
    return BASE + slug;
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }

  /** The type for a status without a more specific one (used for framework errors such as 405). */
  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status && type != HTTP_ERROR) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL : HTTP_ERROR;
  }

  /** Reason phrase of a status, for titles of statuses without a type. */
  static String reasonPhrase(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known == null ? "HTTP " + status : known.getReasonPhrase();
  }
}
