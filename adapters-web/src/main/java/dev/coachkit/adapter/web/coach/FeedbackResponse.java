package dev.coachkit.adapter.web.coach;

import dev.coachkit.ports.model.feedback.Rating;
import java.time.Instant;
import java.util.UUID;

/** Feedback as stored (on a message or a voice session). */
record FeedbackResponse(
    UUID id, UUID messageId, UUID voiceSessionId, Rating rating, String comment, Instant createdAt) {}
