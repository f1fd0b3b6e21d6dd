package dev.coachkit.domain.plan;

import dev.coachkit.ports.model.plan.DayFocus;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.plan.TrainingSplit;
import java.util.ArrayList;
import java.util.List;

/** Chooses the split from days per week and level, and the focus of each day of the week. */
final class Splits {

  private Splits() {}

  /** Full body for beginners and for 1 to 3 days, upper/lower for 4, push/pull/legs for 5 or more. */
  static TrainingSplit choose(int daysPerWeek, FitnessLevel level) {
    if (level == FitnessLevel.BEGINNER || daysPerWeek <= 3) {
      return TrainingSplit.FULL_BODY;
    }
    if (daysPerWeek == 4) {
      return TrainingSplit.UPPER_LOWER;
    }
    return TrainingSplit.PUSH_PULL_LEGS;
  }

  static List<DayFocus> focuses(TrainingSplit split, int daysPerWeek) {
    List<DayFocus> cycle;
    switch (split) {
      case FULL_BODY:
        cycle = List.of(DayFocus.FULL_BODY);
        break;
      case UPPER_LOWER:
        cycle = List.of(DayFocus.UPPER, DayFocus.LOWER);
        break;
      case PUSH_PULL_LEGS:
        cycle = List.of(DayFocus.PUSH, DayFocus.PULL, DayFocus.LEGS);
        break;
      default:
        throw new IllegalArgumentException("unknown split " + split);
    }
    List<DayFocus> days = new ArrayList<>();
    for (int i = 0; i < daysPerWeek; i++) {
      days.add(cycle.get(i % cycle.size()));
    }
    return List.copyOf(days);
  }
}
