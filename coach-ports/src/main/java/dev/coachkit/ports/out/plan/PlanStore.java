package dev.coachkit.ports.out.plan;

import dev.coachkit.ports.model.common.PlanId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.plan.NewPlan;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.PlanKind;
import java.util.List;
import java.util.Optional;

/** Driven port: keeps every version of every user's plans, exactly one of each kind active. */
public interface PlanStore {

  /**
   * Stores a new version atomically: the user's ACTIVE plan of the same kind (if any) becomes SUPERSEDED and
   * the new plan is stored ACTIVE with version = highest existing version of that kind for that user + 1
   * (1 for the first). Plans of the other kind and of other users are untouched.
   *
   * @return the stored plan with its version and status
   * @throws IllegalArgumentException if a plan with the same id already exists
   */
  Plan saveNewVersion(NewPlan plan);

  /** The plan with this id if it belongs to this user; empty for another user's plan or an unknown id. */
  Optional<Plan> find(UserId userId, PlanId planId);

  /**
   * The user's plans, all versions, optionally of one kind only, newest first (by createdAt descending, ties
   * by version descending).
   */
  List<Plan> list(UserId userId, Optional<PlanKind> kind);

  /** The user's plan of this kind that is in force, if any. */
  Optional<Plan> active(UserId userId, PlanKind kind);

  /** The user's plans in force, at most one per kind, in {@link PlanKind} order (workout first). */
  List<Plan> activePlans(UserId userId);

  /**
   * Deletes every plan of this user and nothing else.
   *
   * @return how many plan versions were deleted
   */
  int deleteAllOf(UserId userId);
}
