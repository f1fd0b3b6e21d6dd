package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.common.PlanId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.plan.NewPlan;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.PlanKind;
import dev.coachkit.ports.model.plan.PlanStatus;
import dev.coachkit.ports.out.plan.PlanStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** In-memory fake of the plan store for domain tests; one lock makes each version change atomic. */
public final class InMemoryPlanStore implements PlanStore {

  private static final Comparator<Plan> NEWEST_FIRST =
      Comparator.comparing(Plan::createdAt).thenComparingInt(Plan::version).reversed();

  private final Map<PlanId, Plan> plans = new LinkedHashMap<>();

  @Override
  public synchronized Plan saveNewVersion(NewPlan plan) {
    if (plans.containsKey(plan.id())) {
      throw new IllegalArgumentException("a plan with id " + plan.id() + " already exists");
    }
    int previousVersion = 0;
    for (Plan existing : List.copyOf(plans.values())) {
      if (existing.userId().equals(plan.userId()) && existing.kind() == plan.kind()) {
        previousVersion = Math.max(previousVersion, existing.version());
        if (existing.status() == PlanStatus.ACTIVE) {
          plans.put(existing.id(), existing.withStatus(PlanStatus.SUPERSEDED));
        }
      }
    }
    Plan stored = plan.asVersion(previousVersion + 1);
    plans.put(stored.id(), stored);
    return stored;
  }

  @Override
  public synchronized Optional<Plan> find(UserId userId, PlanId planId) {
    return Optional.ofNullable(plans.get(planId)).filter(plan -> plan.userId().equals(userId));
  }

  @Override
  public synchronized List<Plan> list(UserId userId, Optional<PlanKind> kind) {
    return plans.values().stream()
        .filter(plan -> plan.userId().equals(userId))
        .filter(plan -> kind.map(k -> plan.kind() == k).orElse(true))
        .sorted(NEWEST_FIRST)
        .collect(Collectors.toUnmodifiableList());
  }

  @Override
  public synchronized Optional<Plan> active(UserId userId, PlanKind kind) {
    return plans.values().stream()
        .filter(plan -> plan.userId().equals(userId) && plan.kind() == kind)
        .filter(plan -> plan.status() == PlanStatus.ACTIVE)
        .findFirst();
  }

  @Override
  public synchronized List<Plan> activePlans(UserId userId) {
    List<Plan> inForce = new ArrayList<>();
    for (PlanKind kind : PlanKind.values()) {
      active(userId, kind).ifPresent(inForce::add);
    }
    return List.copyOf(inForce);
  }

  @Override
  public synchronized int deleteAllOf(UserId userId) {
    int before = plans.size();
    plans.values().removeIf(plan -> plan.userId().equals(userId));
    return before - plans.size();
  }
}
