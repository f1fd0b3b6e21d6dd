package dev.coachkit.ports.model.plan;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.PlanId;
import dev.coachkit.ports.model.common.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored version of a user's workout or nutrition plan.
 *
 * @param id identity of this version
 * @param userId whose plan it is
 * @param kind workout or nutrition; always the kind of {@code body}
 * @param version 1 for the user's first plan of this kind, then 2, 3, ...
 * @param status whether this version is in force
 * @param sourceConversationId the conversation the plan was generated from, if any
 * @param body the plan itself
 * @param createdAt when this version was generated
 */
public record Plan(
    PlanId id,
    UserId userId,
    PlanKind kind,
    int version,
    PlanStatus status,
    Optional<ConversationId> sourceConversationId,
    PlanBody body,
    Instant createdAt) {

  public Plan {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(userId, "userId must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    Copies.positive(version, "version");
    Objects.requireNonNull(status, "status must not be null");
    Objects.requireNonNull(sourceConversationId, "sourceConversationId must not be null");
    Objects.requireNonNull(body, "body must not be null");
    Objects.requireNonNull(createdAt, "createdAt must not be null");
    if (body.kind() != kind) {
      throw new IllegalArgumentException("kind must match the body, was " + kind + " for a " + body.kind() + " body");
    }
  }

  /** This version with another status, everything else unchanged. */
  public Plan withStatus(PlanStatus newStatus) {
    return new Plan(id, userId, kind, version, newStatus, sourceConversationId, body, createdAt);
  }
}
