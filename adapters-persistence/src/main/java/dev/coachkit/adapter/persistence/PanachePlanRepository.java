package dev.coachkit.adapter.persistence;

import dev.coachkit.adapter.persistence.internal.Jdbc;
import dev.coachkit.adapter.persistence.internal.PlanJpaEntity;
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
import jakarta.transaction.Transactional.TxType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@link PlanStore} on PostgreSQL; every method is one transaction. A new version takes a per-user-and-kind
 * advisory lock, supersedes the active version and inserts version max + 1. The unique (user, kind, version)
 * constraint and the partial unique index of one ACTIVE plan per user and kind hold the rules in the database.
 * {@link #activePlans} is one autocommit statement when the caller has no transaction (ADR-0013); a chat turn does
 * not call it, it gets the plans in force with the rest of its coach data from
 * {@link PanacheCoachDataRepository#recent}.
 */
@ApplicationScoped
@Transactional
public class PanachePlanRepository implements PlanStore {
  private static final String ACTIVE_PLANS_SQL = "SELECT id, user_id, kind, version, status,"
      + " source_conversation_id, body, created_at FROM plans WHERE user_id = ? AND status = 'ACTIVE'";

  private final PlanJpaRepository plans;
  private final PlanMapper mapper;
  private final DataSource dataSource;

  PanachePlanRepository(PlanJpaRepository plans, PlanMapper mapper, DataSource dataSource) {
    this.plans = plans;
    this.mapper = mapper;
    this.dataSource = dataSource;
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
  @Transactional(TxType.SUPPORTS)
  public List<Plan> activePlans(UserId userId) {
    // Plain JDBC, one autocommit statement or in the caller's transaction (see Jdbc): never managed.
    List<PlanJpaEntity> rows = Jdbc.list(dataSource, ACTIVE_PLANS_SQL,
        statement -> statement.setString(1, userId.value()), PanachePlanRepository::plan);
    return inForce(rows, mapper);
  }

  /**
   * The plans in force from their rows, in {@link PlanKind} order: the one mapping of {@link #activePlans} and of
   * the plans {@link PanacheCoachDataRepository#recent} reads with the coach data.
   */
  static List<Plan> inForce(List<PlanJpaEntity> rows, PlanMapper mapper) {
    return rows.stream()
        .map(mapper::toModel)
        .sorted(Comparator.comparing(Plan::kind))
        .toList();
  }

  private static PlanJpaEntity plan(ResultSet row) throws SQLException {
    PlanJpaEntity plan = new PlanJpaEntity();
    plan.id = row.getObject("id", UUID.class);
    plan.userId = row.getString("user_id");
    plan.kind = PlanKind.valueOf(row.getString("kind"));
    plan.version = row.getInt("version");
    plan.status = PlanStatus.valueOf(row.getString("status"));
    plan.sourceConversationId = row.getObject("source_conversation_id", UUID.class);
    plan.body = row.getString("body");
    plan.createdAt = row.getObject("created_at", OffsetDateTime.class).toInstant();
    return plan;
  }

  @Override
  public int deleteAllOf(UserId userId) {
    return Math.toIntExact(plans.delete("userId", userId.value()));
  }
}
