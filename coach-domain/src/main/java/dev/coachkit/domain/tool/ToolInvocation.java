package dev.coachkit.domain.tool;

import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * On whose behalf a tool call runs: the authenticated user (never taken from the model's arguments), the
 * conversation it came from, the persona whose tools are offered, and whether plan tools are allowed this turn.
 */
public record ToolInvocation(
    UserId userId, Optional<ConversationId> conversationId, Persona persona, boolean planToolsAllowed) {
  public ToolInvocation {
    Objects.requireNonNull(userId, "userId must not be null");
    Objects.requireNonNull(conversationId, "conversationId must not be null");
    Objects.requireNonNull(persona, "persona must not be null");
  }
}
