package dev.coachkit.ports.in.followup;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;

/** A user's follow-ups: all of them, or only the scheduled ones due now. */
public record ListFollowUpsQuery(UserId userId, boolean dueOnly) {
  public ListFollowUpsQuery {
    Require.nonNull(userId, "userId");
  }
}
