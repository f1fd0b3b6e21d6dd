package dev.coachkit.ports.model.followup;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.FollowUpId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.time.Instant;
import java.util.Optional;

/** Something to come back to with the user at {@code dueAt}; {@code completedAt} is set exactly when COMPLETED. */
public record FollowUp(
    FollowUpId id,
    UserId userId,
    Instant dueAt,
    String topic,
    FollowUpStatus status,
    Optional<ConversationId> sourceConversationId,
    Instant createdAt,
    Optional<Instant> completedAt) {
  public FollowUp {
    Require.nonNull(id, "id");
    Require.nonNull(userId, "userId");
    Require.nonNull(dueAt, "dueAt");
    Require.text(topic, "topic", 500);
    Require.nonNull(status, "status");
    Require.nonNull(sourceConversationId, "sourceConversationId");
    Require.nonNull(createdAt, "createdAt");
    Require.nonNull(completedAt, "completedAt");
    if (completedAt.isPresent() != (status == FollowUpStatus.COMPLETED)) {
      throw new IllegalArgumentException("completedAt must be present exactly when status is COMPLETED");
    }
  }
}
