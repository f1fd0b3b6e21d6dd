package dev.coachkit.ports.in.account;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;

/** Whose data to delete. */
public record DeleteUserDataCommand(UserId userId) {
  public DeleteUserDataCommand {
    Require.nonNull(userId, "userId");
  }
}
