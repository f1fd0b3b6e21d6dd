package dev.coachkit.ports.model.plan;

import java.util.List;

/**
 * One week of a workout plan.
 *
 * @param weekNumber the week's position in the plan, from 1
 * @param deload true for a lighter recovery week
 * @param days the sessions of the week; never empty
 */
public record PlanWeek(int weekNumber, boolean deload, List<WorkoutDay> days) {

  public PlanWeek {
    Copies.positive(weekNumber, "weekNumber");
    days = Copies.list(days, "days");
    if (days.isEmpty()) {
      throw new IllegalArgumentException("days must not be empty");
    }
  }
}
