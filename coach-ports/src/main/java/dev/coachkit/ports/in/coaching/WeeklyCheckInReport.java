package dev.coachkit.ports.in.coaching;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.time.LocalDate;
import java.util.List;

/**
 * What one run of the weekly check-in did on this instance (other instances report their own claims).
 *
 * @param weekStart the Monday of the week
 * @param usersConsidered opted-in users this run looked at
 * @param claimed users this run claimed (the others were already claimed, by this or another instance)
 * @param summarized claimed users whose week was summarised and stored
 * @param nothingToSummarize claimed users who had no conversation that week
 * @param plansRegenerated new plan versions written from the summaries
 * @param failures one entry per failed step (summary, workout plan, nutrition plan) of a claimed user, with the
 *     reason; a user whose summary was stored but whose plan failed counts in both {@code summarized} and here
 */
public record WeeklyCheckInReport(
    LocalDate weekStart,
    int usersConsidered,
    int claimed,
    int summarized,
    int nothingToSummarize,
    int plansRegenerated,
    List<UserFailure> failures) {
  public WeeklyCheckInReport {
    Require.nonNull(weekStart, "weekStart");
    Require.nonNegative(usersConsidered, "usersConsidered");
    Require.nonNegative(claimed, "claimed");
    Require.nonNegative(summarized, "summarized");
    Require.nonNegative(nothingToSummarize, "nothingToSummarize");
    Require.nonNegative(plansRegenerated, "plansRegenerated");
    failures = Require.list(failures, "failures");
    if (claimed > usersConsidered) {
      throw new IllegalArgumentException("claimed must not exceed usersConsidered");
    }
  }

  /** Users skipped because their week was already claimed. */
  public int skippedAlreadyClaimed() {
    return usersConsidered - claimed;
  }

  /** How many users failed. */
  public int failed() {
    return failures.size();
  }

  /** Why one user's weekly check-in failed. */
  public record UserFailure(UserId userId, String reason) {
    public UserFailure {
      Require.nonNull(userId, "userId");
      Require.text(reason, "reason", 2_000);
    }
  }
}
