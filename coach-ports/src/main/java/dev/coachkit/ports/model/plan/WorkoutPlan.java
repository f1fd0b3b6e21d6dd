package dev.coachkit.ports.model.plan;

import java.util.List;
import java.util.Objects;

/**
 * A periodised workout plan: a split, weekly sessions with prescribed exercises, and deload weeks.
 *
 * @param goal what the plan trains for
 * @param level the trainee's experience it was written for
 * @param daysPerWeek sessions per week
 * @param split how the week is divided
 * @param sessionMinutes the time budget every session respects
 * @param weeks the weeks in order; never empty
 * @param notes guidance for the whole plan (warm-up, progression, safety)
 */
public record WorkoutPlan(
    TrainingGoal goal,
    FitnessLevel level,
    int daysPerWeek,
    TrainingSplit split,
    int sessionMinutes,
    List<PlanWeek> weeks,
    List<String> notes) implements PlanBody {

  public WorkoutPlan {
    Objects.requireNonNull(goal, "goal must not be null");
    Objects.requireNonNull(level, "level must not be null");
    Copies.positive(daysPerWeek, "daysPerWeek");
    Objects.requireNonNull(split, "split must not be null");
    Copies.positive(sessionMinutes, "sessionMinutes");
    weeks = Copies.list(weeks, "weeks");
    if (weeks.isEmpty()) {
      throw new IllegalArgumentException("weeks must not be empty");
    }
    notes = Copies.list(notes, "notes");
  }

  @Override
  public PlanKind kind() {
    return PlanKind.WORKOUT;
  }
}
