package dev.coachkit.ports.in.account;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;

/** Whose data to export. */
public record ExportUserDataQuery(UserId userId) {
  public ExportUserDataQuery {
    Require.nonNull(userId, "userId");
  }
}
