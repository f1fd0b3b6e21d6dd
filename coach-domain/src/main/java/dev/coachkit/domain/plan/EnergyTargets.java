package dev.coachkit.domain.plan;

import dev.coachkit.ports.model.plan.NutritionGoal;
import dev.coachkit.ports.model.plan.NutritionPlanParameters;

/** The energy figures of a nutrition request, shared by the planner and the validator. */
record EnergyTargets(double bmr, double tdee, int floor, double weeklyChangeKg, boolean explicitRate, int requested) {

  static final double DEFAULT_LOSS_KG_PER_WEEK = 0.5;
  static final double DEFAULT_GAIN_KG_PER_WEEK = 0.25;
  static final double MIN_CHANGE_KG_PER_WEEK = 0.1;
  static final double MAX_LOSS_KG_PER_WEEK = 1.0;
  static final double MAX_GAIN_KG_PER_WEEK = 0.5;

  static EnergyTargets of(NutritionPlanParameters p) {
    double bmr = EnergyCalculator.basalMetabolicRate(p.sex(), p.weightKg(), p.heightCm(), p.age());
    double tdee = EnergyCalculator.totalDailyEnergyExpenditure(bmr, p.activityLevel());
    int floor = EnergyCalculator.safeFloorKcal(p.sex(), bmr);
    boolean explicit = p.weeklyChangeKg().isPresent();
    double rate;
    double requested;
    if (p.goal() == NutritionGoal.LOSE_WEIGHT) {
      rate = p.weeklyChangeKg().orElse(DEFAULT_LOSS_KG_PER_WEEK);
      requested = tdee - EnergyCalculator.dailyKcalForWeeklyChange(rate);
    } else if (p.goal() == NutritionGoal.GAIN_WEIGHT) {
      rate = p.weeklyChangeKg().orElse(DEFAULT_GAIN_KG_PER_WEEK);
      requested = tdee + EnergyCalculator.dailyKcalForWeeklyChange(rate);
    } else {
      rate = 0;
      requested = tdee;
    }
    return new EnergyTargets(bmr, tdee, floor, rate, explicit, roundToTen(requested));
  }

  /** The target actually used: the requested one, raised to the floor when it falls below. */
  int target() {
    return Math.max(floor, requested);
  }

  boolean requestedBelowFloor() {
    return requested < floor;
  }

  /** The fastest weekly loss that keeps intake at or above the floor, rounded down to 0.05 kg. */
  double maxSafeLossKgPerWeek() {
    double kcal = Math.max(0, tdee - floor);
    return Math.floor(kcal * 7.0 / EnergyCalculator.KCAL_PER_KG * 20.0) / 20.0;
  }

  static int roundToTen(double kcal) {
    return (int) (Math.round(kcal / 10.0) * 10);
  }
}
