package dev.coachkit.adapter.persistence;

import dev.coachkit.adapter.persistence.internal.FollowUpJpaEntity;
import dev.coachkit.adapter.persistence.internal.FollowUpJpaRepository;
import dev.coachkit.adapter.persistence.internal.FollowUpMapper;
import dev.coachkit.ports.model.common.FollowUpId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.followup.FollowUp;
import dev.coachkit.ports.model.followup.FollowUpStatus;
import dev.coachkit.ports.out.followup.FollowUpStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link FollowUpStore} on PostgreSQL; every method is one transaction. */
@ApplicationScoped
@Transactional
public class PanacheFollowUpRepository implements FollowUpStore {
  private final FollowUpJpaRepository followUps;
  private final FollowUpMapper mapper;

  PanacheFollowUpRepository(FollowUpJpaRepository followUps, FollowUpMapper mapper) {
    this.followUps = followUps;
    this.mapper = mapper;
  }

  @Override
  public void save(FollowUp followUp) {
    FollowUpJpaEntity existing = followUps.findById(followUp.id().value());
    Owners.requireSameOwner(existing == null ? null : existing.userId, followUp.userId(), "follow-up");
    followUps.getEntityManager().merge(mapper.toEntity(followUp));
  }

  @Override
  public Optional<FollowUp> find(UserId userId, FollowUpId followUpId) {
    return followUps.find("id = ?1 and userId = ?2", followUpId.value(), userId.value())
        .firstResultOptional()
        .map(mapper::toModel);
  }

  @Override
  public List<FollowUp> due(UserId userId, Instant at, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return followUps
        .find("from FollowUpJpaEntity f where f.userId = ?1 and f.status = ?2 and f.dueAt <= ?3"
            + " order by f.dueAt, f.id", userId.value(), FollowUpStatus.SCHEDULED, at)
        .range(0, limit - 1)
        .stream()
        .map(mapper::toModel)
        .toList();
  }

  @Override
  public List<FollowUp> list(UserId userId) {
    return followUps.find("from FollowUpJpaEntity f where f.userId = ?1 order by f.dueAt, f.id", userId.value())
        .stream()
        .map(mapper::toModel)
        .toList();
  }

  @Override
  public void deleteAllOf(UserId userId) {
    followUps.delete("userId", userId.value());
  }
}
