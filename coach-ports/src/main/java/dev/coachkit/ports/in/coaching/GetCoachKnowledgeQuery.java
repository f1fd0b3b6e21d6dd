package dev.coachkit.ports.in.coaching;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;

/** Whose coach knowledge to read. */
public record GetCoachKnowledgeQuery(UserId userId) {
  public GetCoachKnowledgeQuery {
    Require.nonNull(userId, "userId");
  }
}
