package dev.coachkit.adapter.web.coach;

import java.time.Instant;
import java.util.UUID;

/** A conversation. */
record ConversationResponse(UUID id, String title, Instant createdAt, Instant lastActivityAt, long messageCount) {}
