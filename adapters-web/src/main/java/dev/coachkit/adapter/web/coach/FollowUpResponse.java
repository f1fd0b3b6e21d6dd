package dev.coachkit.adapter.web.coach;

import dev.coachkit.ports.model.followup.FollowUpStatus;
import java.time.Instant;
import java.util.UUID;

/** A follow-up the coach scheduled. */
record FollowUpResponse(
    UUID id,
    Instant dueAt,
    String topic,
    FollowUpStatus status,
    UUID sourceConversationId,
    Instant createdAt,
    Instant completedAt) {}
