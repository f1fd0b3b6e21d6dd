package dev.coachkit.ports.model.plan;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Explicit inputs for a nutrition plan; ranges are checked by the plan validator so that a bad request
 * becomes a refusal, while this record only guarantees that nothing is missing.
 *
 * @param sex the sex used by the energy equation and the safe floor
 * @param age age in years (valid: 16 to 100)
 * @param heightCm height in centimetres (valid: 120 to 230)
 * @param weightKg body weight in kilograms (valid: 30 to 300)
 * @param activityLevel daily activity, which sets the TDEE factor
 * @param goal lose, maintain or gain weight
 * @param weeklyChangeKg optional rate of change in kg per week, always positive (loss: 0.1 to 1.0, gain: 0.1
 *     to 0.5, maintain: absent); when absent a moderate default applies and is limited by the safe floor
 * @param mealsPerDay meals the day's targets are split into (valid: 1 to 6)
 * @param dietaryPreferences ways of eating to respect
 * @param allergies allergens to exclude, normalised to trimmed lower case
 */
public record NutritionPlanParameters(
    BiologicalSex sex,
    int age,
    double heightCm,
    double weightKg,
    ActivityLevel activityLevel,
    NutritionGoal goal,
    OptionalDouble weeklyChangeKg,
    int mealsPerDay,
    Set<DietaryPreference> dietaryPreferences,
    Set<String> allergies) {

  public NutritionPlanParameters {
    Objects.requireNonNull(sex, "sex must not be null");
    Objects.requireNonNull(activityLevel, "activityLevel must not be null");
    Objects.requireNonNull(goal, "goal must not be null");
    Objects.requireNonNull(weeklyChangeKg, "weeklyChangeKg must not be null");
    dietaryPreferences = Copies.sortedSet(dietaryPreferences, "dietaryPreferences");
    allergies = Copies.labels(allergies, "allergies");
  }
}
