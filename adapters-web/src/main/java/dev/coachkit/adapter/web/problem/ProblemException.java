package dev.coachkit.adapter.web.problem;

import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.RefusalReason;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Ends a request with a problem detail; thrown by resources, answered by {@link ProblemMappers}. */
public final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What the detail of a MODEL_NOT_CONFIGURED refusal adds: how to configure a provider. */
  public static final String HOW_TO_CONFIGURE_A_MODEL =
      "Configure a model provider: set COACH_OPENAI_API_KEY (coach.openai.api-key), or coach.openai.provider and"
          + " coach.openai.base-url for Azure OpenAI or an OpenAI-compatible server; see"
          + " docs/reference/openai-config.md.";

  private final ProblemType type;
  private final String reason;
  private final transient Optional<Duration> retryAfter;
  private final transient List<ProblemDetail.Violation> violations;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, null, Optional.empty(), List.of());
  }

  private ProblemException(ProblemType type, String detail, String reason, Optional<Duration> retryAfter,
      List<ProblemDetail.Violation> violations) {
    super(Objects.requireNonNull(detail, "detail must not be null"), null, false, false);
    this.type = Objects.requireNonNull(type, "type must not be null");
    this.reason = reason;
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter must not be null");
    this.violations = List.copyOf(violations);
  }

  /** 404 for an id the caller cannot see (absent or another user's: the two are indistinguishable). */
  public static ProblemException notFound(String what) {
    return new ProblemException(ProblemType.NOT_FOUND, what + " not found");
  }

  /** 400 for one invalid field. */
  public static ProblemException invalidField(String field, String message) {
    return new ProblemException(ProblemType.VALIDATION, field + ": " + message, null, Optional.empty(),
        List.of(new ProblemDetail.Violation(field, message)));
  }

  /** The problem for a refusal of the domain. */
  public static ProblemException of(Refusal refusal) {
    return of(refusal.reason(), refusal.message(), refusal.retryAfter());
  }

  /** The problem for a refusal reason with its message and optional retry delay. */
  public static ProblemException of(RefusalReason reason, String message, Optional<Duration> retryAfter) {
    ProblemType type = typeOf(reason);
    String detail = reason == RefusalReason.MODEL_NOT_CONFIGURED ? message + " " + HOW_TO_CONFIGURE_A_MODEL : message;
    Optional<Duration> delay = type.status() == 429 && retryAfter.isEmpty()
        ? Optional.of(Duration.ofSeconds(60)) // a 429 always says when to come back
        : retryAfter;
    return new ProblemException(type, detail, reason.name(), delay, List.of());
  }

  /** The problem type (and so the HTTP status) of a refusal reason. */
  public static ProblemType typeOf(RefusalReason reason) {
    switch (reason) {
      case NOT_FOUND:
        return ProblemType.NOT_FOUND;
      case INVALID_REQUEST:
        return ProblemType.UNPROCESSABLE;
      case INVALID_STATE:
      case VOICE_SESSION_ACTIVE:
        return ProblemType.CONFLICT;
      case BUDGET_EXCEEDED:
        return ProblemType.BUDGET_EXCEEDED;
      case RATE_LIMITED:
        return ProblemType.RATE_LIMITED;
      case MODEL_NOT_CONFIGURED:
        return ProblemType.MODEL_NOT_CONFIGURED;
      case MODEL_UNAVAILABLE:
        return ProblemType.MODEL_UNAVAILABLE;
      case CONTENT_FILTERED:
        return ProblemType.CONTENT_FILTERED;
      default:
        throw new IllegalArgumentException("unknown refusal reason " + reason);
    }
  }

  public ProblemType type() {
    return type;
  }

  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  public Optional<Duration> retryAfter() {
    return retryAfter == null ? Optional.empty() : retryAfter;
  }

  public List<ProblemDetail.Violation> violations() {
    return violations == null ? List.of() : violations;
  }

  /** The problem detail for a request to {@code instance}. */
  public ProblemDetail toDetail(String instance) {
    return new ProblemDetail(type.uri(), type.title(), type.status(), getMessage(), instance, reason,
        retryAfter().map(ProblemException::seconds).orElse(null), violations().isEmpty() ? null : violations());
  }

  /** Whole seconds, rounded up, for Retry-After. */
  public static long seconds(Duration delay) {
    long seconds = delay.getSeconds() + (delay.getNano() > 0 ? 1 : 0);
    return Math.max(seconds, 1);
  }
}
