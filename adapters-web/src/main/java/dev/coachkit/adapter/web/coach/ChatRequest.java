package dev.coachkit.adapter.web.coach;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A chat message: into a conversation (its id) or a new one (no id). */
record ChatRequest(
    @Schema(description = "The user's message", maxLength = 4000, required = true)
        @NotBlank @Size(max = 4_000) String message,
    @Schema(description = "The conversation to continue; absent starts a new one") UUID conversationId,
    @Schema(description = "A key that makes a retried request return the first request's turn", maxLength = 255)
        @Size(min = 1, max = 255) String idempotencyKey) {}
