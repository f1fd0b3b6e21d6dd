package dev.coachkit.ports.in.plan;

import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.PlanKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Use case: list a user's plans, every version, newest first. */
public interface ListPlansUseCase {

  List<Plan> list(ListPlansQuery query);

  /**
   * Whose plans, optionally of one kind.
   *
   * @param userId the authenticated user
   * @param kind only this kind when present
   */
  record ListPlansQuery(UserId userId, Optional<PlanKind> kind) {
    public ListPlansQuery {
      Objects.requireNonNull(userId, "userId must not be null");
      Objects.requireNonNull(kind, "kind must not be null");
    }
  }
}
