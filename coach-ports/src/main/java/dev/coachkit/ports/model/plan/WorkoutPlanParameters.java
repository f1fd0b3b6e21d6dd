package dev.coachkit.ports.model.plan;

import java.util.Objects;
import java.util.Set;

/**
 * Explicit inputs for a workout plan; ranges are checked by the plan validator so that a bad request
 * becomes a refusal, while this record only guarantees that nothing is missing.
 *
 * @param goal what the plan trains for
 * @param level the trainee's experience
 * @param daysPerWeek training sessions per week (valid: 1 to 7)
 * @param sessionMinutes time available per session, warm-up included (valid: 20 to 180)
 * @param weeks length of the plan in weeks (valid: 1 to 16)
 * @param equipment what is available besides body weight; empty means body weight only
 * @param limitations injuries and conditions whose contraindicated exercises must never appear
 */
public record WorkoutPlanParameters(
    TrainingGoal goal,
    FitnessLevel level,
    int daysPerWeek,
    int sessionMinutes,
    int weeks,
    Set<Equipment> equipment,
    Set<Limitation> limitations) {

  public WorkoutPlanParameters {
    Objects.requireNonNull(goal, "goal must not be null");
    Objects.requireNonNull(level, "level must not be null");
    equipment = Copies.sortedSet(equipment, "equipment");
    limitations = Copies.sortedSet(limitations, "limitations");
  }
}
