package dev.coachkit.domain.plan;

import dev.coachkit.ports.in.plan.GetPlanUseCase;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.out.plan.PlanStore;
import java.util.Objects;
import java.util.Optional;

/** Fetches one of the user's plan versions; another user's plan is empty, exactly like an unknown id. */
public final class GetPlanService implements GetPlanUseCase {
  private final PlanStore plans;

  public GetPlanService(PlanStore plans) {
    this.plans = Objects.requireNonNull(plans, "plans must not be null");
  }

  @Override
  public Optional<Plan> get(GetPlanQuery query) {
    // the store scopes by user; the check guards against an adapter that does not
    return plans.find(query.userId(), query.planId()).filter(p -> p.userId().equals(query.userId()));
  }
}
