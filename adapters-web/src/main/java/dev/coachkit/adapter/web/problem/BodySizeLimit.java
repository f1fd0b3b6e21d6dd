package dev.coachkit.adapter.web.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared {@code Content-Length} exceeds {@code quarkus.http.limits.max-body-size} with a
 * 413 problem detail before anything reads the body (a chunked body over the limit still gets Quarkus' own 413).
 */
@Singleton
class BodySizeLimit {

  private final Optional<MemorySize> limit;

  BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
    this.limit = limit;
  }

  void install(@Observes Router router) {
    if (limit.isEmpty()) {
      return;
    }
    long max = limit.get().asLongValue();
    router.route("/api/*").order(-10_000).handler(context -> {
      String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
      if (declared != null && exceeds(declared, max)) {
        String body = "{\"type\":\"" + ProblemType.BODY_TOO_LARGE.uri() + "\",\"title\":\""
            + ProblemType.BODY_TOO_LARGE.title() + "\",\"status\":413,\"detail\":\"the body has " + declared.trim()
            + " bytes; at most " + max + " are accepted\",\"instance\":\"" + jsonSafe(context.request().path())
            + "\"}";
        context.response().setStatusCode(413)
            .putHeader(HttpHeaders.CONTENT_TYPE, Problems.PROBLEM_JSON)
            .putHeader(HttpHeaders.CONNECTION, "close")
            .end(body);
        return;
      }
      context.next();
    });
  }

  private static boolean exceeds(String declared, long max) {
    try {
      return Long.parseLong(declared.trim()) > max;
    } catch (NumberFormatException e) {
      return false; // Vert.x rejects a malformed Content-Length itself
    }
  }

  private static String jsonSafe(String path) {
    return path == null ? "" : path.replaceAll("[^A-Za-z0-9/._~-]", "_");
  }
}
