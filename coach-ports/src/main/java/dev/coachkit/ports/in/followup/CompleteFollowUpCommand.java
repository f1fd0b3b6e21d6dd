package dev.coachkit.ports.in.followup;

import dev.coachkit.ports.model.common.FollowUpId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;

/** Mark one of the user's follow-ups completed. */
public record CompleteFollowUpCommand(UserId userId, FollowUpId followUpId) {
  public CompleteFollowUpCommand {
    Require.nonNull(userId, "userId");
    Require.nonNull(followUpId, "followUpId");
  }
}
