package dev.coachkit.ports.model.plan;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.PlanId;
import dev.coachkit.ports.model.common.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated plan about to be stored; the store gives it its version and makes it the active one.
 *
 * @param id identity of the new version
 * @param userId whose plan it is
 * @param sourceConversationId the conversation it was generated from, if any
 * @param body the plan itself, already accepted by the plan validator
 * @param createdAt when it was generated
 */
public record NewPlan(
    PlanId id,
    UserId userId,
    Optional<ConversationId> sourceConversationId,
    PlanBody body,
    Instant createdAt) {

  public NewPlan {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(userId, "userId must not be null");
    Objects.requireNonNull(sourceConversationId, "sourceConversationId must not be null");
    Objects.requireNonNull(body, "body must not be null");
    Objects.requireNonNull(createdAt, "createdAt must not be null");
  }

  /** The kind of plan, taken from the body. */
  public PlanKind kind() {
    return body.kind();
  }

  /** The stored form of this plan as the given version, active. */
  public Plan asVersion(int version) {
    return new Plan(id, userId, kind(), version, PlanStatus.ACTIVE, sourceConversationId, body, createdAt);
  }
}
