package dev.coachkit.ports.model.plan;

import java.util.List;

/**
 * Why a plan request was not turned into a plan, as sentences a coach (or a language model) can relay.
 *
 * @param reasons one sentence per broken rule; never empty
 */
public record PlanRefusal(List<String> reasons) {

  public PlanRefusal {
    reasons = Copies.list(reasons, "reasons");
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("reasons must not be empty");
    }
    for (String reason : reasons) {
      Copies.text(reason, "reasons");
    }
  }

  public static PlanRefusal of(String... reasons) {
    return new PlanRefusal(List.of(reasons));
  }
}
