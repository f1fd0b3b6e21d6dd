package dev.coachkit.domain.plan;

import dev.coachkit.ports.model.plan.PlanBody;
import dev.coachkit.ports.model.plan.PlanRefusal;
import java.util.Objects;

/** What a planner returns: a validated plan body ready to be stored, or a refusal with reasons. */
public sealed interface PlanningResult<B extends PlanBody> permits PlanningResult.Planned, PlanningResult.Refused {

  /** The planner wrote a plan that passed the validator. */
  record Planned<B extends PlanBody>(B body) implements PlanningResult<B> {
    public Planned {
      Objects.requireNonNull(body, "body must not be null");
    }
  }

  /** The request broke a rule, or no safe plan could be written for it. */
  record Refused<B extends PlanBody>(PlanRefusal refusal) implements PlanningResult<B> {
    public Refused {
      Objects.requireNonNull(refusal, "refusal must not be null");
    }
  }

  /** Convenience for callers that branch on success. */
  default boolean isPlanned() {
    return this instanceof Planned;
  }
}
