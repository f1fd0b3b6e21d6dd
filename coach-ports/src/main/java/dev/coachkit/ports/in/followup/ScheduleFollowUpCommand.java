package dev.coachkit.ports.in.followup;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.time.Instant;
import java.util.Optional;

/** Schedule a follow-up on a topic for a user, optionally from a conversation. */
public record ScheduleFollowUpCommand(
    UserId userId, Instant dueAt, String topic, Optional<ConversationId> sourceConversationId) {
  public ScheduleFollowUpCommand {
    Require.nonNull(userId, "userId");
    Require.nonNull(dueAt, "dueAt");
    Require.text(topic, "topic", 500);
    Require.nonNull(sourceConversationId, "sourceConversationId");
  }
}
