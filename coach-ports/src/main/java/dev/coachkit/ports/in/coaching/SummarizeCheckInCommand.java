package dev.coachkit.ports.in.coaching;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.time.LocalDate;

/** Summarise a user's conversations dated {@code periodStart..periodEnd} inclusive into a check-in. */
public record SummarizeCheckInCommand(UserId userId, LocalDate periodStart, LocalDate periodEnd) {
  public SummarizeCheckInCommand {
    Require.nonNull(userId, "userId");
    Require.nonNull(periodStart, "periodStart");
    Require.nonNull(periodEnd, "periodEnd");
    if (periodEnd.isBefore(periodStart)) {
      throw new IllegalArgumentException("periodEnd must not be before periodStart");
    }
  }
}
