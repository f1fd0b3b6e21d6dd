package dev.coachkit.ports.testing;

import static dev.coachkit.ports.testing.TestCoachDataFactory.MONDAY;
import static dev.coachkit.ports.testing.TestCoachDataFactory.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.model.coaching.CheckInSummary;
import dev.coachkit.ports.model.coaching.CoachData;
import dev.coachkit.ports.model.coaching.CoachDataWindow;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.coaching.Goal;
import dev.coachkit.ports.model.coaching.GoalStatus;
import dev.coachkit.ports.model.coaching.NutritionDay;
import dev.coachkit.ports.model.coaching.ProgressMeasurement;
import dev.coachkit.ports.model.coaching.RecentCoachData;
import dev.coachkit.ports.model.coaching.WorkoutLog;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.plan.PlanStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract every {@link CoachDataStore} must meet. */
public abstract class AbstractCoachDataStoreContractTest {
  private static final CoachDataWindow WEEK =
      new CoachDataWindow(MONDAY, MONDAY, MONDAY.plusDays(6), T0, T0.plusSeconds(1));

  protected CoachDataStore store;
  protected PlanStore plans;
  protected UserId alice;
  protected UserId bob;

  protected abstract CoachDataStore newStore();

  /**
   * The plan store over the same data as the store {@link #newStore()} made: {@link CoachDataStore#recent} must
   * answer the plans in force that this store holds. Called after {@link #newStore()}.
   */
  protected abstract PlanStore planStore();

  @BeforeEach
  void setUpStore() {
    store = newStore();
    plans = planStore();
    alice = TestIds.user();
    bob = TestIds.user();
  }

  @Test
  void givenProfile_saveThenFind_returnsItExactlyToItsOwnerOnly() {
    CoachProfile profile = TestCoachDataFactory.profile(alice);

    store.saveProfile(profile);

    assertThat(store.findProfile(alice)).contains(profile);
    assertThat(store.findProfile(bob)).isEmpty();
  }

  @Test
  void givenProfile_saveAgain_replacesIt() {
    store.saveProfile(TestCoachDataFactory.profile(alice, true));
    CoachProfile changed = TestCoachDataFactory.profile(alice, false);

    store.saveProfile(changed);

    assertThat(store.findProfile(alice)).contains(changed);
  }

  @Test
  void givenWorkoutsOnSeveralDates_workouts_returnsThoseInTheInclusiveRangeByDate() {
    WorkoutLog before = TestCoachDataFactory.workout(alice, MONDAY.minusDays(1));
    WorkoutLog first = TestCoachDataFactory.workout(alice, MONDAY);
    WorkoutLog last = TestCoachDataFactory.workout(alice, MONDAY.plusDays(6));
    WorkoutLog after = TestCoachDataFactory.workout(alice, MONDAY.plusDays(7));
    List.of(after, last, before, first).forEach(store::saveWorkout);
    store.saveWorkout(TestCoachDataFactory.workout(bob, MONDAY));

    assertThat(store.workouts(alice, MONDAY, MONDAY.plusDays(6))).containsExactly(first, last);
  }

  @Test
  void givenNutritionDay_saveSameDateAgain_replacesIt() {
    store.saveNutritionDay(TestCoachDataFactory.nutritionDay(alice, MONDAY, 50));
    NutritionDay corrected = TestCoachDataFactory.nutritionDay(alice, MONDAY, 90);
    NutritionDay tuesday = TestCoachDataFactory.nutritionDay(alice, MONDAY.plusDays(1), 70);
    store.saveNutritionDay(tuesday);

    store.saveNutritionDay(corrected);

    assertThat(store.nutritionDays(alice, MONDAY, MONDAY.plusDays(6))).containsExactly(corrected, tuesday);
    assertThat(store.nutritionDays(bob, MONDAY, MONDAY.plusDays(6))).isEmpty();
  }

  @Test
  void givenMeasurements_measurements_returnsThoseInTheHalfOpenRangeOldestFirst() {
    ProgressMeasurement atStart = TestCoachDataFactory.weight(alice, 65.0, T0);
    ProgressMeasurement inside = TestCoachDataFactory.weight(alice, 64.5, T0.plusSeconds(60));
    ProgressMeasurement atEnd = TestCoachDataFactory.weight(alice, 64.0, T0.plusSeconds(120));
    List.of(atEnd, inside, atStart).forEach(store::saveMeasurement);

    assertThat(store.measurements(alice, T0, T0.plusSeconds(120))).containsExactly(atStart, inside);
  }

  @Test
  void givenGoal_saveChangedVersion_replacesItAndFindIsScopedToItsOwner() {
    Goal goal = TestCoachDataFactory.goal(alice, "Lose 4 kg", T0);
    store.saveGoal(goal);
    Goal achieved = new Goal(goal.id(), alice, goal.description(), goal.metric(), goal.targetValue(), goal.unit(),
        goal.targetDate(), GoalStatus.ACHIEVED, goal.createdAt(), T0.plusSeconds(3_600));

    store.saveGoal(achieved);

    assertThat(store.findGoal(alice, goal.id())).contains(achieved);
    assertThat(store.findGoal(bob, goal.id())).isEmpty();
    assertThat(store.goals(alice)).containsExactly(achieved);
  }

  @Test
  void givenAnotherUsersGoalId_saveGoal_isRejected() {
    Goal alices = TestCoachDataFactory.goal(alice, "Run 5 km", T0);
    store.saveGoal(alices);
    Goal hijack = new Goal(alices.id(), bob, "hijack", Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), GoalStatus.ACTIVE, T0, T0);

    assertThatThrownBy(() -> store.saveGoal(hijack)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.findGoal(alice, alices.id())).contains(alices);
  }

  @Test
  void givenGoals_goals_returnsThemOldestFirst() {
    Goal newer = TestCoachDataFactory.goal(alice, "newer", T0.plusSeconds(10));
    Goal older = TestCoachDataFactory.goal(alice, "older", T0);
    store.saveGoal(newer);
    store.saveGoal(older);

    assertThat(store.goals(alice)).containsExactly(older, newer);
  }

  @Test
  void givenCheckIns_latestCheckIn_isTheOneWithTheLatestPeriod() {
    CheckInSummary lastWeek = TestCoachDataFactory.checkIn(alice, MONDAY.minusWeeks(1), T0.plusSeconds(5));
    CheckInSummary thisWeek = TestCoachDataFactory.checkIn(alice, MONDAY, T0);
    store.saveCheckIn(thisWeek);
    store.saveCheckIn(lastWeek);

    assertThat(store.latestCheckIn(alice)).contains(thisWeek);
    assertThat(store.latestCheckIn(bob)).isEmpty();
  }

  @Test
  void givenOptedInAndOptedOutUsers_usersOptedIntoCheckIn_pagesThroughOnlyTheOptedIn() {
    UserId carol = TestIds.user();
    store.saveProfile(TestCoachDataFactory.profile(alice, true));
    store.saveProfile(TestCoachDataFactory.profile(bob, false));
    store.saveProfile(TestCoachDataFactory.profile(carol, true));

    // The store may hold other tests' users; walk every page and look only at ours.
    List<UserId> seen = new java.util.ArrayList<>();
    Optional<UserId> after = Optional.empty();
    List<UserId> page;
    do {
      page = store.usersOptedIntoCheckIn(after, 2);
      assertThat(page).isSortedAccordingTo(java.util.Comparator.comparing(UserId::value));
      seen.addAll(page);
      after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1));
    } while (page.size() == 2);

    assertThat(seen).contains(alice, carol).doesNotContain(bob).doesNotHaveDuplicates();
  }

  @Test
  void givenEveryKindOfRecord_exportAllOf_returnsAllOfThatUsersAndNoneOfAnothers() {
    CoachProfile profile = TestCoachDataFactory.profile(alice);
    WorkoutLog workout = TestCoachDataFactory.workout(alice, MONDAY);
    NutritionDay day = TestCoachDataFactory.nutritionDay(alice, MONDAY, 80);
    ProgressMeasurement weight = TestCoachDataFactory.weight(alice, 64.0, T0);
    Goal goal = TestCoachDataFactory.goal(alice, "Lose 4 kg", T0);
    CheckInSummary checkIn = TestCoachDataFactory.checkIn(alice, MONDAY, T0);
    store.saveProfile(profile);
    store.saveWorkout(workout);
    store.saveNutritionDay(day);
    store.saveMeasurement(weight);
    store.saveGoal(goal);
    store.saveCheckIn(checkIn);
    store.saveWorkout(TestCoachDataFactory.workout(bob, MONDAY));

    CoachData data = store.exportAllOf(alice);

    assertThat(data).isEqualTo(new CoachData(Optional.of(profile), List.of(workout), List.of(day), List.of(weight),
        List.of(goal), List.of(checkIn)));
  }

  @Test
  void givenTwoUsersData_deleteAllOf_removesOnlyThatUsers() {
    store.saveProfile(TestCoachDataFactory.profile(alice));
    store.saveWorkout(TestCoachDataFactory.workout(alice, MONDAY));
    store.saveNutritionDay(TestCoachDataFactory.nutritionDay(alice, MONDAY, 80));
    store.saveMeasurement(TestCoachDataFactory.weight(alice, 64.0, T0));
    store.saveGoal(TestCoachDataFactory.goal(alice, "Lose 4 kg", T0));
    store.saveCheckIn(TestCoachDataFactory.checkIn(alice, MONDAY, T0));
    CoachProfile bobsProfile = TestCoachDataFactory.profile(bob);
    WorkoutLog bobsWorkout = TestCoachDataFactory.workout(bob, MONDAY);
    store.saveProfile(bobsProfile);
    store.saveWorkout(bobsWorkout);

    store.deleteAllOf(alice);

    assertThat(store.exportAllOf(alice))
        .isEqualTo(new CoachData(Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of()));
    assertThat(store.findProfile(bob)).contains(bobsProfile);
    assertThat(store.workouts(bob, MONDAY, MONDAY)).containsExactly(bobsWorkout);
  }

  @Test
  void givenDataInAndAroundTheWindows_recent_answersWhatTheSingleReadsAnswer() {
    CoachProfile profile = TestCoachDataFactory.profile(alice);
    store.saveProfile(profile);
    WorkoutLog tooEarly = TestCoachDataFactory.workout(alice, MONDAY.minusDays(1));
    WorkoutLog first = TestCoachDataFactory.workout(alice, MONDAY);
    WorkoutLog last = TestCoachDataFactory.workout(alice, MONDAY.plusDays(6));
    List.of(last, tooEarly, first).forEach(store::saveWorkout);
    store.saveWorkout(TestCoachDataFactory.workout(alice, MONDAY.plusDays(7)));
    NutritionDay outside = TestCoachDataFactory.nutritionDay(alice, MONDAY.plusDays(1), 40);
    NutritionDay inside = TestCoachDataFactory.nutritionDay(alice, MONDAY.plusDays(3), 90);
    List.of(inside, outside).forEach(store::saveNutritionDay);
    ProgressMeasurement atStart = TestCoachDataFactory.weight(alice, 64.0, T0);
    ProgressMeasurement atEnd = TestCoachDataFactory.weight(alice, 63.0, T0.plusSeconds(3_600));
    store.saveMeasurement(atEnd);
    store.saveMeasurement(atStart);
    store.saveMeasurement(TestCoachDataFactory.weight(alice, 65.0, T0.minusSeconds(1)));
    Goal older = TestCoachDataFactory.goal(alice, "Run 5 km", T0);
    Goal newer = TestCoachDataFactory.goal(alice, "Lose 2 kg", T0.plusSeconds(60));
    Goal achieved = withStatus(TestCoachDataFactory.goal(alice, "Sleep 8 h", T0.minusSeconds(60)),
        GoalStatus.ACHIEVED);
    List.of(newer, achieved, older).forEach(store::saveGoal);
    CheckInSummary earlierWeek = TestCoachDataFactory.checkIn(alice, MONDAY.minusDays(14), T0);
    CheckInSummary lastWeek = TestCoachDataFactory.checkIn(alice, MONDAY.minusDays(7), T0);
    store.saveCheckIn(lastWeek);
    store.saveCheckIn(earlierWeek);
    Plan nutritionPlan = plans.saveNewVersion(TestPlanFactory.newNutritionPlan(alice, T0));
    Plan workoutPlan = plans.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, T0.plusSeconds(60)));
    CoachDataWindow window = new CoachDataWindow(MONDAY, MONDAY.plusDays(2), MONDAY.plusDays(6), T0,
        T0.plusSeconds(3_601));

    RecentCoachData recent = store.recent(alice, window);

    assertThat(recent.profile()).contains(profile);
    assertThat(recent.workouts()).containsExactly(first, last);
    assertThat(recent.nutritionDays()).containsExactly(inside);
    assertThat(recent.measurements()).containsExactly(atStart, atEnd);
    assertThat(recent.activeGoals()).containsExactly(older, newer);
    assertThat(recent.latestCheckIn()).contains(lastWeek);
    assertThat(recent.activePlans()).containsExactly(workoutPlan, nutritionPlan);
    assertThat(recent).isEqualTo(new RecentCoachData(store.findProfile(alice),
        store.workouts(alice, MONDAY, MONDAY.plusDays(6)), store.nutritionDays(alice, MONDAY.plusDays(2),
            MONDAY.plusDays(6)), store.measurements(alice, T0, T0.plusSeconds(3_601)),
        store.goals(alice).stream().filter(g -> g.status() == GoalStatus.ACTIVE).toList(),
        store.latestCheckIn(alice), plans.activePlans(alice)));
  }

  @Test
  void givenOnlyAnotherUsersData_recent_isEmpty() {
    store.saveProfile(TestCoachDataFactory.profile(bob));
    store.saveWorkout(TestCoachDataFactory.workout(bob, MONDAY));
    store.saveNutritionDay(TestCoachDataFactory.nutritionDay(bob, MONDAY, 80));
    store.saveMeasurement(TestCoachDataFactory.weight(bob, 80.0, T0));
    store.saveGoal(TestCoachDataFactory.goal(bob, "Bench 100 kg", T0));
    store.saveCheckIn(TestCoachDataFactory.checkIn(bob, MONDAY, T0));
    plans.saveNewVersion(TestPlanFactory.newWorkoutPlan(bob, T0));

    RecentCoachData recent = store.recent(alice,
        new CoachDataWindow(MONDAY, MONDAY, MONDAY.plusDays(6), T0, T0.plusSeconds(1)));

    assertThat(recent).isEqualTo(new RecentCoachData(Optional.empty(), List.of(), List.of(), List.of(), List.of(),
        Optional.empty(), List.of()));
  }

  @Test
  void givenNoPlans_recent_hasNoActivePlansButTheRestOfTheSnapshot() {
    CoachProfile profile = TestCoachDataFactory.profile(alice);
    store.saveProfile(profile);
    Goal goal = TestCoachDataFactory.goal(alice, "Run 5 km", T0);
    store.saveGoal(goal);
    plans.saveNewVersion(TestPlanFactory.newWorkoutPlan(bob, T0)); // a plan in the store, but not hers

    RecentCoachData recent = store.recent(alice, WEEK);

    assertThat(recent.activePlans()).isEmpty();
    assertThat(recent.activePlans()).isEqualTo(plans.activePlans(alice));
    assertThat(recent.profile()).contains(profile);
    assertThat(recent.activeGoals()).containsExactly(goal);
  }

  @Test
  void givenOneWorkoutPlan_recent_includesItAsThePlanStoreAnswersIt() {
    Plan workout = plans.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, T0));

    RecentCoachData recent = store.recent(alice, WEEK);

    assertThat(recent.activePlans()).containsExactly(workout);
    assertThat(recent.activePlans()).isEqualTo(plans.activePlans(alice));
  }

  @Test
  void givenANutritionPlanOlderThanTheWorkoutPlan_recent_listsTheWorkoutPlanFirst() {
    // Stored and created nutrition first, and NUTRITION sorts before WORKOUT as text: only the kind order puts
    // the workout first.
    Plan nutrition = plans.saveNewVersion(TestPlanFactory.newNutritionPlan(alice, T0));
    Plan workout = plans.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, T0.plusSeconds(60)));

    RecentCoachData recent = store.recent(alice, WEEK);

    assertThat(recent.activePlans()).containsExactly(workout, nutrition);
    assertThat(recent.activePlans()).isEqualTo(plans.activePlans(alice));
  }

  @Test
  void givenASupersededVersion_recent_includesOnlyTheVersionInForce() {
    Plan first = plans.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, T0));
    Plan second = plans.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, T0.plusSeconds(60)));

    RecentCoachData recent = store.recent(alice, WEEK);

    assertThat(recent.activePlans()).containsExactly(second);
    assertThat(recent.activePlans()).extracting(Plan::id).doesNotContain(first.id());
    assertThat(recent.activePlans()).isEqualTo(plans.activePlans(alice));
  }

  @Test
  void givenAnotherUsersPlans_recent_includesOnlyTheUsersOwn() {
    Plan nutrition = plans.saveNewVersion(TestPlanFactory.newNutritionPlan(alice, T0));
    plans.saveNewVersion(TestPlanFactory.newWorkoutPlan(bob, T0));
    plans.saveNewVersion(TestPlanFactory.newNutritionPlan(bob, T0));

    RecentCoachData recent = store.recent(alice, WEEK);

    assertThat(recent.activePlans()).containsExactly(nutrition);
    assertThat(recent.activePlans()).isEqualTo(plans.activePlans(alice));
  }

  private static Goal withStatus(Goal goal, GoalStatus status) {
    return new Goal(goal.id(), goal.userId(), goal.description(), goal.metric(), goal.targetValue(), goal.unit(),
        goal.targetDate(), status, goal.createdAt(), goal.updatedAt());
  }
}
