package dev.coachkit.ports.in.conversation;

import dev.coachkit.ports.model.common.PageCursor;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.util.Optional;

/** Which page of a user's conversations to list (limit 1..100). */
public record ListConversationsQuery(UserId userId, Optional<PageCursor> cursor, int limit) {
  public ListConversationsQuery {
    Require.nonNull(userId, "userId");
    Require.nonNull(cursor, "cursor");
    Require.limit(limit);
  }
}
