package dev.coachkit.domain.plan;

import dev.coachkit.ports.model.plan.ActivityLevel;
import dev.coachkit.ports.model.plan.BiologicalSex;

/** Energy arithmetic: Mifflin-St Jeor BMR, TDEE by activity factor, and the safe intake floor. */
public final class EnergyCalculator {

  /** Energy in one kilogram of body-weight change, the usual planning approximation. */
  public static final double KCAL_PER_KG = 7700.0;
  /** Lowest daily target for women. */
  public static final int FEMALE_FLOOR_KCAL = 1200;
  /** Lowest daily target for men, and for an unspecified sex (the higher floor is the safer one). */
  public static final int MALE_FLOOR_KCAL = 1500;

  private EnergyCalculator() {}

  /**
   * Basal metabolic rate by Mifflin-St Jeor (1990): 10 W + 6.25 H - 5 A + 5 for men and - 161 for women; an
   * unspecified sex uses the midpoint constant - 78.
   */
  public static double basalMetabolicRate(BiologicalSex sex, double weightKg, double heightCm, int age) {
    return 10.0 * weightKg + 6.25 * heightCm - 5.0 * age + sexConstant(sex);
  }

  private static double sexConstant(BiologicalSex sex) {
    switch (sex) {
      case MALE:
        return 5.0;
      case FEMALE:
        return -161.0;
      case UNSPECIFIED:
        return -78.0;
      default:
        throw new IllegalArgumentException("unknown sex " + sex);
    }
  }

  /** The multiplier from BMR to total daily energy expenditure: 1.2, 1.375, 1.55, 1.725 or 1.9. */
  public static double activityFactor(ActivityLevel level) {
    switch (level) {
      case SEDENTARY:
        return 1.2;
      case LIGHTLY_ACTIVE:
        return 1.375;
      case MODERATELY_ACTIVE:
        return 1.55;
      case VERY_ACTIVE:
        return 1.725;
      case EXTRA_ACTIVE:
        return 1.9;
      default:
        throw new IllegalArgumentException("unknown activity level " + level);
    }
  }

  /** Total daily energy expenditure: BMR times the activity factor. */
  public static double totalDailyEnergyExpenditure(double bmrKcal, ActivityLevel level) {
    return bmrKcal * activityFactor(level);
  }

  /** The lowest daily target allowed: 1,200 kcal for women, 1,500 otherwise, and never below the BMR. */
  public static int safeFloorKcal(BiologicalSex sex, double bmrKcal) {
    int sexFloor = sex == BiologicalSex.FEMALE ? FEMALE_FLOOR_KCAL : MALE_FLOOR_KCAL;
    return Math.max(sexFloor, (int) Math.ceil(bmrKcal));
  }

  /** The daily energy difference that produces this weekly weight change. */
  public static double dailyKcalForWeeklyChange(double kgPerWeek) {
    return kgPerWeek * KCAL_PER_KG / 7.0;
  }
}
