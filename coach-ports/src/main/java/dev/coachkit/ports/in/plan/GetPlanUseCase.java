package dev.coachkit.ports.in.plan;

import dev.coachkit.ports.model.common.PlanId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.plan.Plan;
import java.util.Objects;
import java.util.Optional;

/** Use case: fetch one of the user's plans; another user's plan is reported as not found. */
public interface GetPlanUseCase {

  Optional<Plan> get(GetPlanQuery query);

  /**
   * Which plan, for whom.
   *
   * @param userId the authenticated user
   * @param planId the plan version asked for
   */
  record GetPlanQuery(UserId userId, PlanId planId) {
    public GetPlanQuery {
      Objects.requireNonNull(userId, "userId must not be null");
      Objects.requireNonNull(planId, "planId must not be null");
    }
  }
}
