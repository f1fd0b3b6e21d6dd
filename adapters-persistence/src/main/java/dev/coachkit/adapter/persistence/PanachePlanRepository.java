package dev.coachkit.adapter.persistence;

import dev.coachkit.adapter.persistence.internal.PlanJpaRepository;
import dev.coachkit.adapter.persistence.internal.PlanMapper;
import dev.coachkit.ports.model.common.PlanId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.plan.NewPlan;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.PlanKind;
import dev.coachkit.ports.model.plan.PlanStatus;
import dev.coachkit.ports.out.plan.PlanStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link PlanStore} on PostgreSQL; every method is one transaction. A new version takes a per-user-and-kind
 * advisory lock, supersedes the active version and inserts version max + 1. The unique (user, kind, version)
 * constraint and the partial unique index of one ACTIVE plan per user and kind hold the rules in the database.
 */
@ApplicationScoped
@Transactional
public class PanachePlanRepository implements PlanStore {
  private final PlanJpaRepository plans;
  private final PlanMapper mapper;

  PanachePlanRepository(PlanJpaRepository plans, PlanMapper mapper) {
    this.plans = plans;
    this.mapper = mapper;
  }

  @Override
  public Plan saveNewVersion(NewPlan plan) {
    String user = plan.userId().value();
    Locks.lock(plans.getEntityManager(), Locks.PLANS, user + "/" + plan.kind());
    if (plans.findById(plan.id().value()) != null) {
      throw new IllegalArgumentException("A plan with id " + plan.id() + " already exists");
    }
    Integer highest = plans.getEntityManager()
        .createQuery("select max(p.version) from PlanJpaEntity p where p.userId = ?1 and p.kind = ?2", Integer.class)
        .setParameter(1, user)
        .setParameter(2, plan.kind())
        .getSingleResult();
    // A bulk update runs at once, before the insert, so the one-active index never sees two active versions.
    plans.update("status = ?1 where userId = ?2 and kind = ?3 and status = ?4",
        PlanStatus.SUPERSEDED, user, plan.kind(), PlanStatus.ACTIVE);
    Plan stored = plan.asVersion(highest == null ? 1 : highest + 1);
    plans.persist(mapper.toEntity(stored));
    plans.flush();
    return stored;
  }

  @Override
  public Optional<Plan> find(UserId userId, PlanId planId) {
    return plans.find("id = ?1 and userId = ?2", planId.value(), userId.value())
        .firstResultOptional()
        .map(mapper::toModel);
  }

  @Override
  public List<Plan> list(UserId userId, Optional<PlanKind> kind) {
    if (kind.isPresent()) {
      return plans
          .find("from PlanJpaEntity p where p.userId = ?1 and p.kind = ?2 order by p.createdAt desc, p.version desc",
              userId.value(), kind.get())
          .stream()
          .map(mapper::toModel)
          .toList();
    }
    return plans
        .find("from PlanJpaEntity p where p.userId = ?1 order by p.createdAt desc, p.version desc", userId.value())
        .stream()
        .map(mapper::toModel)
        .toList();
  }

  @Override
  public Optional<Plan> active(UserId userId, PlanKind kind) {
    return plans.find("userId = ?1 and kind = ?2 and status = ?3", userId.value(), kind, PlanStatus.ACTIVE)
        .firstResultOptional()
        .map(mapper::toModel);
  }

  @Override
  public List<Plan> activePlans(UserId userId) {
    ReadOnly.session(plans.getEntityManager());
    return plans.find("from PlanJpaEntity p where p.userId = ?1 and p.status = ?2", userId.value(), PlanStatus.ACTIVE)
        .list()
        .stream()
        .map(mapper::toModel)
        .sorted(Comparator.comparing(Plan::kind))
        .toList();
  }

  @Override
  public int deleteAllOf(UserId userId) {
    return Math.toIntExact(plans.delete("userId", userId.value()));
  }
}
