package dev.coachkit.ports.model.plan;

import dev.coachkit.ports.model.common.RefusalReason;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a plan request was not turned into a plan, as sentences a coach (or a language model) can relay.
 *
 * @param reasons one sentence per broken rule; never empty
 * @param kind the category a driving adapter maps to a status (INVALID_REQUEST for broken plan rules,
 *     NOT_FOUND for another user's conversation, MODEL_UNAVAILABLE or MODEL_NOT_CONFIGURED when the parameters
 *     could not be extracted)
 * @param retryAfter when to try again, if the model provider said so
 */
public record PlanRefusal(List<String> reasons, RefusalReason kind, Optional<Duration> retryAfter) {

  public PlanRefusal {
    reasons = Copies.list(reasons, "reasons");
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("reasons must not be empty");
    }
    for (String reason : reasons) {
      Copies.text(reason, "reasons");
    }
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(retryAfter, "retryAfter must not be null");
  }

  /** A refusal for broken plan rules (INVALID_REQUEST). */
  public PlanRefusal(List<String> reasons) {
    this(reasons, RefusalReason.INVALID_REQUEST, Optional.empty());
  }

  public static PlanRefusal of(String... reasons) {
    return new PlanRefusal(List.of(reasons));
  }

  /** A refusal of the given kind. */
  public static PlanRefusal of(RefusalReason kind, String... reasons) {
    return new PlanRefusal(List.of(reasons), kind, Optional.empty());
  }
}
