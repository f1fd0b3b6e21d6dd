package dev.coachkit.adapter.web.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Optional;

/** Builds problem responses with the right media type and {@code Retry-After}. */
public final class Problems {

  /** The media type of a problem detail. */
  public static final String PROBLEM_JSON = "application/problem+json";

  private Problems() {
  }

  /** The response for a problem. */
  public static Response response(ProblemException problem, String instance) {
    return response(problem.toDetail(instance), problem.retryAfter());
  }

  static Response response(ProblemDetail body, Optional<Duration> retryAfter) {
    Response.ResponseBuilder response = Response.status(body.status()).type(PROBLEM_JSON).entity(body);
    retryAfter.ifPresent(d -> response.header(HttpHeaders.RETRY_AFTER, ProblemException.seconds(d)));
    return response.build();
  }

  static String instance(UriInfo uri) {
    return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
  }
}
