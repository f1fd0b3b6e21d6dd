package dev.coachkit.ports.in.coaching;

import dev.coachkit.ports.model.common.Require;
import java.time.LocalDate;

/** What one run of the weekly check-in did on this instance (other instances report their own claims). */
public record WeeklyCheckInReport(LocalDate weekStart, int usersConsidered, int claimed, int summarized, int failed) {
  public WeeklyCheckInReport {
    Require.nonNull(weekStart, "weekStart");
    Require.nonNegative(usersConsidered, "usersConsidered");
    Require.nonNegative(claimed, "claimed");
    Require.nonNegative(summarized, "summarized");
    Require.nonNegative(failed, "failed");
  }
}
