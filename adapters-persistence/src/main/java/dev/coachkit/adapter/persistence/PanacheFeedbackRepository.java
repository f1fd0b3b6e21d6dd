package dev.coachkit.adapter.persistence;

import dev.coachkit.adapter.persistence.internal.FeedbackJpaEntity;
import dev.coachkit.adapter.persistence.internal.FeedbackJpaRepository;
import dev.coachkit.adapter.persistence.internal.FeedbackMapper;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.feedback.Feedback;
import dev.coachkit.ports.model.feedback.FeedbackTarget;
import dev.coachkit.ports.out.feedback.FeedbackStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * {@link FeedbackStore} on PostgreSQL; every method is one transaction. The latest feedback of a user on a target
 * replaces the earlier one in a single upsert on the unique (user, target) constraint.
 */
@ApplicationScoped
@Transactional
public class PanacheFeedbackRepository implements FeedbackStore {
  private final FeedbackJpaRepository feedback;
  private final FeedbackMapper mapper;

  PanacheFeedbackRepository(FeedbackJpaRepository feedback, FeedbackMapper mapper) {
    this.feedback = feedback;
    this.mapper = mapper;
  }

  @Override
  public void save(Feedback given) {
    FeedbackJpaEntity row = mapper.toEntity(given);
    feedback.getEntityManager()
        .createNativeQuery("INSERT INTO feedback (id, user_id, target_type, target_id, rating, comment, created_at)"
            + " VALUES (:id, :user, :type, :target, :rating, :comment, :at)"
            + " ON CONFLICT (user_id, target_type, target_id) DO UPDATE SET id = excluded.id,"
            + " rating = excluded.rating, comment = excluded.comment, created_at = excluded.created_at")
        .unwrap(NativeQuery.class)
        .setParameter("id", row.id, UUID.class)
        .setParameter("user", row.userId, String.class)
        .setParameter("type", row.targetType, String.class)
        .setParameter("target", row.targetId, UUID.class)
        .setParameter("rating", row.rating.name(), String.class)
        .setParameter("comment", row.comment, String.class)
        .setParameter("at", row.createdAt, Instant.class)
        .executeUpdate();
  }

  @Override
  public Optional<Feedback> find(UserId userId, FeedbackTarget target) {
    return feedback
        .find("userId = ?1 and targetType = ?2 and targetId = ?3", userId.value(), mapper.targetType(target),
            mapper.targetId(target))
        .firstResultOptional()
        .map(mapper::toModel);
  }

  @Override
  public List<Feedback> list(UserId userId) {
    return feedback.find("from FeedbackJpaEntity f where f.userId = ?1 order by f.createdAt, f.id", userId.value())
        .stream()
        .map(mapper::toModel)
        .toList();
  }

  @Override
  public void deleteAllOf(UserId userId) {
    feedback.delete("userId", userId.value());
  }
}
