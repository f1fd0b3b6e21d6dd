package dev.coachkit.domain.plan;

import dev.coachkit.ports.in.plan.ListPlansUseCase;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.out.plan.PlanStore;
import java.util.List;
import java.util.Objects;

/** Lists a user's plans, every version, newest first. */
public final class ListPlansService implements ListPlansUseCase {
  private final PlanStore plans;

  public ListPlansService(PlanStore plans) {
    this.plans = Objects.requireNonNull(plans, "plans must not be null");
  }

  @Override
  public List<Plan> list(ListPlansQuery query) {
    return plans.list(query.userId(), query.kind());
  }
}
