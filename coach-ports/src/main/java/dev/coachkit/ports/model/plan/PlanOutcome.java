package dev.coachkit.ports.model.plan;

import java.util.List;
import java.util.Objects;

/** The result of asking for a plan: a stored plan, or a refusal with reasons. */
public sealed interface PlanOutcome permits PlanOutcome.Generated, PlanOutcome.Refused {

  /** The plan was generated, validated and stored. */
  record Generated(Plan plan) implements PlanOutcome {
    public Generated {
      Objects.requireNonNull(plan, "plan must not be null");
    }
  }

  /** The request broke a rule; nothing was stored. */
  record Refused(PlanRefusal refusal) implements PlanOutcome {
    public Refused {
      Objects.requireNonNull(refusal, "refusal must not be null");
    }

    public List<String> reasons() {
      return refusal.reasons();
    }
  }
}
