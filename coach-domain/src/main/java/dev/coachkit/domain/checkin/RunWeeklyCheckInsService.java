package dev.coachkit.domain.checkin;

import dev.coachkit.domain.plan.GenerateNutritionPlanService;
import dev.coachkit.domain.plan.GenerateWorkoutPlanService;
import dev.coachkit.ports.in.coaching.RunWeeklyCheckInsCommand;
import dev.coachkit.ports.in.coaching.RunWeeklyCheckInsUseCase;
import dev.coachkit.ports.in.coaching.WeeklyCheckInReport;
import dev.coachkit.ports.model.coaching.CheckInSummary;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.plan.PlanOutcome;
import dev.coachkit.ports.out.coaching.CheckInClaims;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The weekly check-in: for every opted-in user (paged), claims the week so that only one server instance handles
 * the user, summarises the week's conversations, and writes new versions of the user's existing workout and
 * nutrition plans from the summary. One user's failure is recorded in the report and the run goes on. A claim is
 * not given back on failure: the user is reported failed and is not retried for that week.
 */
public final class RunWeeklyCheckInsService implements RunWeeklyCheckInsUseCase {
  private final CoachDataStore coachData;
  private final CheckInClaims claims;
  private final SummarizeCheckInService summarizer;
  private final GenerateWorkoutPlanService workoutPlans;
  private final GenerateNutritionPlanService nutritionPlans;
  private final CheckInSettings settings;

  public RunWeeklyCheckInsService(CoachDataStore coachData, CheckInClaims claims, SummarizeCheckInService summarizer,
      GenerateWorkoutPlanService workoutPlans, GenerateNutritionPlanService nutritionPlans,
      CheckInSettings settings) {
    this.coachData = Objects.requireNonNull(coachData, "coachData must not be null");
    this.claims = Objects.requireNonNull(claims, "claims must not be null");
    this.summarizer = Objects.requireNonNull(summarizer, "summarizer must not be null");
    this.workoutPlans = Objects.requireNonNull(workoutPlans, "workoutPlans must not be null");
    this.nutritionPlans = Objects.requireNonNull(nutritionPlans, "nutritionPlans must not be null");
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
  }

  @Override
  public WeeklyCheckInReport run(RunWeeklyCheckInsCommand command) {
    LocalDate weekStart = command.weekStart();
    Tally tally = new Tally();
    Optional<UserId> after = Optional.empty();
    while (true) {
      List<UserId> users = coachData.usersOptedIntoCheckIn(after, settings.userPageSize());
      for (UserId user : users) {
        tally.considered++;
        if (!claims.claim(user, weekStart)) {
          continue;
        }
        tally.claimed++;
        try {
          checkIn(user, weekStart, tally);
        } catch (RuntimeException e) {
          tally.fail(user, "unexpected error: " + describe(e));
        }
      }
      if (users.size() < settings.userPageSize()) {
        break;
      }
      after = Optional.of(users.get(users.size() - 1));
    }
    return new WeeklyCheckInReport(weekStart, tally.considered, tally.claimed, tally.summarized,
        tally.nothingToSummarize, tally.plansRegenerated, tally.failures);
  }

  private void checkIn(UserId user, LocalDate weekStart, Tally tally) {
    SummarizeCheckInService.Attempt attempt = summarizer.attempt(user, weekStart, weekStart.plusDays(6));
    if (attempt.nothingToSummarize()) {
      tally.nothingToSummarize++;
      return;
    }
    if (attempt.summary().isEmpty()) {
      tally.fail(user, "check-in not summarised: " + attempt.refusal().map(r -> r.message()).orElse("unknown"));
      return;
    }
    tally.summarized++;
    CheckInSummary summary = attempt.summary().get();
    regenerate(user, summary, "workout", workoutPlans::regenerate, tally);
    regenerate(user, summary, "nutrition", nutritionPlans::regenerate, tally);
  }

  private static void regenerate(UserId user, CheckInSummary summary, String kind,
      BiFunction<UserId, CheckInSummary, PlanOutcome> regeneration, Tally tally) {
    PlanOutcome outcome;
    try {
      outcome = regeneration.apply(user, summary);
    } catch (RuntimeException e) {
      tally.fail(user, kind + " plan not regenerated: unexpected error: " + describe(e));
      return;
    }
    if (outcome instanceof PlanOutcome.Generated) {
      tally.plansRegenerated++;
      return;
    }
    PlanOutcome.Refused refused = (PlanOutcome.Refused) outcome;
    if (refused.refusal().kind() != RefusalReason.NOT_FOUND) { // NOT_FOUND: the user has no plan of this kind
      tally.fail(user, kind + " plan not regenerated: " + String.join("; ", refused.reasons()));
    }
  }

  private static String describe(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static final class Tally {
    int considered;
    int claimed;
    int summarized;
    int nothingToSummarize;
    int plansRegenerated;
    final List<WeeklyCheckInReport.UserFailure> failures = new ArrayList<>();

    void fail(UserId user, String reason) {
      String bounded = reason.length() > 2_000 ? reason.substring(0, 1_999) + "…" : reason;
      failures.add(new WeeklyCheckInReport.UserFailure(user, bounded));
    }
  }
}
