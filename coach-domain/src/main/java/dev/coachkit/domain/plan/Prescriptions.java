package dev.coachkit.domain.plan;

import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.plan.PrescriptionUnit;
import dev.coachkit.ports.model.plan.TrainingGoal;

/**
 * Sets, repetitions and rest by goal, adjusted for level, and the weekly progression: three building weeks
 * (3, 2, then 1 repetition in reserve, with an extra set on main lifts in the third) and every fourth week a
 * deload with about half the sets.
 */
final class Prescriptions {

  /** Main lifts open the session; accessories follow. */
  enum Role { MAIN, ACCESSORY }

  /** A dose before it is attached to an exercise. */
  record Dose(int sets, int min, int max, int restSeconds, String effort) {}

  static final int BLOCK_WEEKS = 4;

  private Prescriptions() {}

  /** True for every fourth week (4, 8, 12, ...), the deload weeks. */
  static boolean isDeloadWeek(int weekNumber) {
    return weekNumber % BLOCK_WEEKS == 0;
  }

  static Dose dose(TrainingGoal goal, FitnessLevel level, Role role, PrescriptionUnit unit, int weekNumber) {
    Dose base = base(goal, role, unit);
    int sets = base.sets();
    if (level == FitnessLevel.BEGINNER) {
      sets = Math.max(2, sets - 1);
    } else if (level == FitnessLevel.ADVANCED && role == Role.MAIN) {
      sets += 1;
    }
    int position = (weekNumber - 1) % BLOCK_WEEKS;
    String effort;
    if (isDeloadWeek(weekNumber)) {
      sets = (sets + 1) / 2;
      effort = "Deload: about 60 % of your usual load, 4 or more reps in reserve (RPE 6)";
    } else if (position == 0) {
      effort = "3 reps in reserve (RPE 7)";
    } else if (position == 1 || level == FitnessLevel.BEGINNER) {
      effort = "2 reps in reserve (RPE 8)";
    } else {
      effort = "1 rep in reserve (RPE 9)";
    }
    if (position == 2 && role == Role.MAIN) {
      sets += 1;
    }
    if (unit == PrescriptionUnit.SECONDS && !isDeloadWeek(weekNumber)) {
      effort = "Hold with steady breathing and stop before form slips; " + effort.substring(effort.indexOf("(RPE"));
    }
    return new Dose(sets, base.min(), base.max(), base.restSeconds(), effort);
  }

  private static Dose base(TrainingGoal goal, Role role, PrescriptionUnit unit) {
    boolean main = role == Role.MAIN;
    if (unit == PrescriptionUnit.SECONDS) {
      switch (goal) {
        case STRENGTH:
          return new Dose(3, 20, 30, 90, "");
        case HYPERTROPHY:
          return new Dose(3, 30, 40, 60, "");
        case ENDURANCE:
          return new Dose(2, 45, 60, 45, "");
        case FAT_LOSS:
          return new Dose(3, 30, 45, 30, "");
        case GENERAL_FITNESS:
          return new Dose(2, 30, 45, 45, "");
        default:
          throw new IllegalArgumentException("unknown goal " + goal);
      }
    }
    switch (goal) {
      case STRENGTH:
        return main ? new Dose(4, 3, 5, 180, "") : new Dose(3, 6, 8, 120, "");
      case HYPERTROPHY:
        return main ? new Dose(3, 6, 10, 120, "") : new Dose(3, 10, 12, 75, "");
      case ENDURANCE:
        return main ? new Dose(3, 12, 15, 60, "") : new Dose(2, 15, 20, 45, "");
      case FAT_LOSS:
        return main ? new Dose(3, 10, 12, 60, "") : new Dose(3, 12, 15, 45, "");
      case GENERAL_FITNESS:
        return main ? new Dose(3, 8, 10, 90, "") : new Dose(2, 10, 12, 60, "");
      default:
        throw new IllegalArgumentException("unknown goal " + goal);
    }
  }
}
