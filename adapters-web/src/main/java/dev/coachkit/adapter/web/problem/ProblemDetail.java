package dev.coachkit.adapter.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}). {@code reason} names the refusal behind a refused
 * request, {@code retryAfterSeconds} repeats the {@code Retry-After} header, {@code violations} lists the fields
 * that failed validation.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ProblemDetail", description = "RFC 9457 problem details")
public record ProblemDetail(
    @Schema(description = "URI naming the kind of problem", example = "https://coachkit.dev/problems/validation")
        String type,
    @Schema(description = "Short summary of the kind of problem", example = "Invalid request") String title,
    @Schema(description = "The HTTP status", example = "400") int status,
    @Schema(description = "What went wrong in this occurrence") String detail,
    @Schema(description = "The request path", example = "/api/coach/chat") String instance,
    @Schema(description = "The refusal reason of a refused request, e.g. BUDGET_EXCEEDED") String reason,
    @Schema(description = "Seconds to wait before retrying (also in the Retry-After header)") Long retryAfterSeconds,
    @Schema(description = "Fields that failed validation") List<Violation> violations) {

  /** One invalid field. */
  @RegisterForReflection
  @Schema(name = "Violation")
  public record Violation(
      @Schema(description = "The field, e.g. message or parameters.daysPerWeek") String field,
      @Schema(description = "Why it is invalid") String message) {}
}
