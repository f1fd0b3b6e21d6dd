package dev.coachkit.domain.plan;

import dev.coachkit.domain.plan.Prescriptions.Dose;
import dev.coachkit.domain.plan.Prescriptions.Role;
import dev.coachkit.domain.plan.exercise.Exercise;
import dev.coachkit.domain.plan.exercise.ExerciseLibrary;
import dev.coachkit.domain.plan.exercise.MovementPattern;
import dev.coachkit.ports.model.plan.DayFocus;
import dev.coachkit.ports.model.plan.Limitation;
import dev.coachkit.ports.model.plan.PlanRefusal;
import dev.coachkit.ports.model.plan.PlanWeek;
import dev.coachkit.ports.model.plan.PrescribedExercise;
import dev.coachkit.ports.model.plan.TrainingGoal;
import dev.coachkit.ports.model.plan.TrainingSplit;
import dev.coachkit.ports.model.plan.WorkoutDay;
import dev.coachkit.ports.model.plan.WorkoutPlan;
import dev.coachkit.ports.model.plan.WorkoutPlanParameters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a periodised workout plan from the exercise library: split by days and level, exercises that fit
 * the equipment, level and limitations, doses by goal, sessions within their time budget, weekly progression
 * with a deload every fourth week. Deterministic: no randomness, the same parameters give the same plan.
 */
public final class WorkoutPlanner {

  /** The most exercises one session holds, however long it is. */
  static final int MAX_EXERCISES_PER_SESSION = 8;
  private static final int MAIN_SLOTS = 2;

  private final ExerciseLibrary library;
  private final PlanValidator validator;

  public WorkoutPlanner(ExerciseLibrary library, PlanValidator validator) {
    this.library = library;
    this.validator = validator;
  }

  /** The plan for these parameters, or a refusal naming why none can be written. */
  public PlanningResult<WorkoutPlan> plan(WorkoutPlanParameters parameters) {
    List<String> problems = validator.requestProblems(parameters);
    if (!problems.isEmpty()) {
      return refused(problems);
    }
    TrainingSplit split = Splits.choose(parameters.daysPerWeek(), parameters.level());
    List<DayFocus> focuses = Splits.focuses(split, parameters.daysPerWeek());
    List<Exercise> eligible = library.all().stream()
        .filter(e -> e.usableWith(parameters.equipment()))
        .filter(e -> e.suits(parameters.level()))
        .filter(e -> e.safeFor(parameters.limitations()))
        .collect(Collectors.toList());

    List<List<Selection>> sessions = new ArrayList<>();
    List<String> sessionProblems = new ArrayList<>();
    for (int day = 0; day < focuses.size(); day++) {
      DayFocus focus = focuses.get(day);
      int occurrence = occurrencesBefore(focuses, day, focus);
      List<Selection> session = chooseExercises(parameters, eligible, focus, occurrence);
      if (session.isEmpty()) {
        sessionProblems.add(String.format(Locale.ROOT,
            "no exercise fits day %d (%s) within %d minutes with this equipment, level and these limitations",
            day + 1, label(focus), parameters.sessionMinutes()));
      }
      sessions.add(session);
    }
    if (!sessionProblems.isEmpty()) {
      return refused(sessionProblems);
    }

    List<PlanWeek> weeks = new ArrayList<>();
    for (int week = 1; week <= parameters.weeks(); week++) {
      List<WorkoutDay> days = new ArrayList<>();
      for (int day = 0; day < focuses.size(); day++) {
        List<PrescribedExercise> exercises = new ArrayList<>();
        for (Selection selection : sessions.get(day)) {
          exercises.add(prescribe(parameters, selection, week));
        }
        days.add(new WorkoutDay(day + 1, focuses.get(day), exercises));
      }
      weeks.add(new PlanWeek(week, Prescriptions.isDeloadWeek(week), days));
    }
    WorkoutPlan plan = new WorkoutPlan(parameters.goal(), parameters.level(), parameters.daysPerWeek(), split,
        parameters.sessionMinutes(), weeks, notes(parameters));
    List<String> planProblems = validator.planProblems(parameters, plan);
    if (!planProblems.isEmpty()) {
      return refused(planProblems);
    }
    return new PlanningResult.Planned<>(plan);
  }

  private record Selection(Exercise exercise, Role role) {}

  private static int occurrencesBefore(List<DayFocus> focuses, int day, DayFocus focus) {
    int count = 0;
    for (int i = 0; i < day; i++) {
      if (focuses.get(i) == focus) {
        count++;
      }
    }
    return count;
  }

  /**
   * Fills the template's slots in priority order with the first unused eligible exercise of the slot's
   * patterns, rotated by how often this template was already used this week so repeated sessions vary;
   * a slot whose exercise would overrun the time budget in the hardest week is skipped.
   */
  private List<Selection> chooseExercises(
      WorkoutPlanParameters parameters, List<Exercise> eligible, DayFocus focus, int occurrence) {
    int variants = SessionTemplates.variants(focus);
    List<List<MovementPattern>> slots = SessionTemplates.slots(focus, occurrence % variants);
    if (parameters.goal() == TrainingGoal.FAT_LOSS || parameters.goal() == TrainingGoal.ENDURANCE) {
      slots = new ArrayList<>(slots);
      slots.add(List.of(MovementPattern.CONDITIONING));
    }
    int rotation = occurrence / variants;
    List<Selection> chosen = new ArrayList<>();
    Set<String> used = new HashSet<>();
    int seconds = 0;
    for (int slot = 0; slot < slots.size() && chosen.size() < MAX_EXERCISES_PER_SESSION; slot++) {
      Role role = slot < MAIN_SLOTS ? Role.MAIN : Role.ACCESSORY;
      for (MovementPattern pattern : slots.get(slot)) {
        List<Exercise> candidates = eligible.stream()
            .filter(e -> e.pattern() == pattern && !used.contains(e.id()))
            .collect(Collectors.toList());
        if (candidates.isEmpty()) {
          continue;
        }
        Exercise exercise = candidates.get(rotation % candidates.size());
        int cost = peakSeconds(parameters, exercise, role);
        if (SessionTime.totalMinutes(seconds + cost) <= parameters.sessionMinutes()) {
          chosen.add(new Selection(exercise, role));
          used.add(exercise.id());
          seconds += cost;
        }
        break;
      }
    }
    return chosen;
  }

  /** The longest this exercise takes in any week of a block, so every week fits the budget. */
  private static int peakSeconds(WorkoutPlanParameters parameters, Exercise exercise, Role role) {
    int peak = 0;
    for (int week = 1; week <= Prescriptions.BLOCK_WEEKS; week++) {
      Dose dose = Prescriptions.dose(parameters.goal(), parameters.level(), role, exercise.unit(), week);
      peak = Math.max(peak, SessionTime.seconds(dose.sets(), dose.max(), exercise.unit(), dose.restSeconds()));
    }
    return peak;
  }

  private static PrescribedExercise prescribe(WorkoutPlanParameters parameters, Selection selection, int week) {
    Exercise exercise = selection.exercise();
    Dose dose = Prescriptions.dose(parameters.goal(), parameters.level(), selection.role(), exercise.unit(), week);
    return new PrescribedExercise(exercise.id(), exercise.name(), dose.sets(), dose.min(), dose.max(),
        exercise.unit(), dose.restSeconds(), dose.effort());
  }

  private static List<String> notes(WorkoutPlanParameters parameters) {
    List<String> notes = new ArrayList<>();
    notes.add("Warm up for " + SessionTime.WARM_UP_MINUTES
        + " minutes before each session: easy cardio, then lighter sets of the first exercise.");
    notes.add("Progression: when every set reaches the top of the range at the stated effort, add the smallest "
        + "load step (or a harder variation) next time.");
    if (parameters.weeks() >= Prescriptions.BLOCK_WEEKS) {
      notes.add("Every fourth week is a deload: about half the sets and lighter loads, so you recover and "
          + "start the next block stronger.");
    }
    switch (parameters.goal()) {
      case FAT_LOSS:
        notes.add("For fat loss, pair training with a modest calorie deficit and 7,000-10,000 steps a day.");
        break;
      case ENDURANCE:
        notes.add("For endurance, add 2-3 easy cardio sessions of 20-40 minutes a week.");
        break;
      case STRENGTH:
        notes.add("For strength, rest fully between sets of the main lifts and keep technique identical "
            + "as loads rise.");
        break;
      default:
        break;
    }
    if (parameters.daysPerWeek() >= 6) {
      notes.add("With " + parameters.daysPerWeek() + " sessions a week, keep sleep and food in step, and take "
          + "an easy day whenever soreness lingers.");
    }
    if (!parameters.limitations().isEmpty()) {
      notes.add("Exercises contraindicated for " + parameters.limitations().stream().map(WorkoutPlanner::label)
          .collect(Collectors.joining(", ")) + " were left out. Stop any exercise that hurts and check with a "
          + "physiotherapist or doctor.");
    }
    if (parameters.limitations().contains(Limitation.PREGNANCY)) {
      notes.add("During pregnancy, train only with your midwife's or doctor's clearance, avoid lying flat on "
          + "your back after the first trimester, and keep effort conversational.");
    }
    return notes;
  }

  private static String label(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static <B extends dev.coachkit.ports.model.plan.PlanBody> PlanningResult<B> refused(List<String> reasons) {
    return new PlanningResult.Refused<>(new PlanRefusal(reasons));
  }
}
