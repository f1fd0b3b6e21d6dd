package dev.coachkit.ports.out.coaching;

import dev.coachkit.ports.model.coaching.CheckInSummary;
import dev.coachkit.ports.model.coaching.CoachData;
import dev.coachkit.ports.model.coaching.CoachDataWindow;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.coaching.Goal;
import dev.coachkit.ports.model.coaching.NutritionDay;
import dev.coachkit.ports.model.coaching.ProgressMeasurement;
import dev.coachkit.ports.model.coaching.RecentCoachData;
import dev.coachkit.ports.model.coaching.WorkoutLog;
import dev.coachkit.ports.model.common.GoalId;
import dev.coachkit.ports.model.common.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: stores what the coach knows about users.
 *
 * <p>Saves are upserts by identity (profile: user; nutrition day: user and date; others: their id). An id that
 * already belongs to another user is rejected with IllegalArgumentException. Reads are scoped to one user.
 */
public interface CoachDataStore {

  Optional<CoachProfile> findProfile(UserId userId);

  void saveProfile(CoachProfile profile);

  void saveWorkout(WorkoutLog workout);

  /** Workouts dated {@code from..to} inclusive, by date then recording time. */
  List<WorkoutLog> workouts(UserId userId, LocalDate from, LocalDate to);

  /** Stores the day, replacing any earlier record of the same user and date. */
  void saveNutritionDay(NutritionDay day);

  /** Nutrition days dated {@code from..to} inclusive, by date. */
  List<NutritionDay> nutritionDays(UserId userId, LocalDate from, LocalDate to);

  void saveMeasurement(ProgressMeasurement measurement);

  /** Measurements taken in {@code [from, to)}, oldest first. */
  List<ProgressMeasurement> measurements(UserId userId, Instant from, Instant to);

  void saveGoal(Goal goal);

  Optional<Goal> findGoal(UserId userId, GoalId goalId);

  /** All of the user's goals, oldest first. */
  List<Goal> goals(UserId userId);

  void saveCheckIn(CheckInSummary summary);

  /** The check-in with the latest period end (ties: latest created). */
  Optional<CheckInSummary> latestCheckIn(UserId userId);

  /**
   * The profile, the window's workouts, nutrition days and measurements, the ACTIVE goals, the latest check-in and
   * the plans in force, read together (one consistent snapshot where the store supports it): the same as
   * {@link #findProfile}, {@link #workouts}, {@link #nutritionDays}, {@link #measurements}, {@link #goals} filtered
   * to ACTIVE, {@link #latestCheckIn} and {@link dev.coachkit.ports.out.plan.PlanStore#activePlans} (of the plan
   * store that holds these users' plans) would answer.
   */
  RecentCoachData recent(UserId userId, CoachDataWindow window);

  /**
   * Users whose profile opts into the weekly check-in, ordered by user id value, after {@code after} if given.
   *
   * @param limit 1..1000
   */
  List<UserId> usersOptedIntoCheckIn(Optional<UserId> after, int limit);

  /** Everything stored for this user, for export. */
  CoachData exportAllOf(UserId userId);

  /** Removes every record of this user, and nothing of anyone else. */
  void deleteAllOf(UserId userId);
}
