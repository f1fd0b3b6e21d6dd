package dev.coachkit.ports.model.plan;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A daily energy and macronutrient target, split into meals, with the constraints it respects.
 *
 * @param goal the direction of weight change
 * @param bmrKcal basal metabolic rate (Mifflin-St Jeor), rounded
 * @param tdeeKcal total daily energy expenditure, rounded
 * @param targetKcal the daily energy target; never below the safe floor
 * @param proteinG daily protein in grams
 * @param fatG daily fat in grams
 * @param carbsG daily carbohydrate in grams
 * @param mealsPerDay number of meals
 * @param meals the per-meal targets, which add up to the daily ones
 * @param dietaryPreferences ways of eating the plan respects
 * @param excludedAllergens allergens the plan excludes
 * @param notes guidance (floors applied, food choices for the preferences, allergens)
 */
public record NutritionPlan(
    NutritionGoal goal,
    int bmrKcal,
    int tdeeKcal,
    int targetKcal,
    int proteinG,
    int fatG,
    int carbsG,
    int mealsPerDay,
    List<MealTarget> meals,
    Set<DietaryPreference> dietaryPreferences,
    Set<String> excludedAllergens,
    List<String> notes) implements PlanBody {

  public NutritionPlan {
    Objects.requireNonNull(goal, "goal must not be null");
    Copies.positive(bmrKcal, "bmrKcal");
    Copies.positive(tdeeKcal, "tdeeKcal");
    Copies.positive(targetKcal, "targetKcal");
    Copies.notNegative(proteinG, "proteinG");
    Copies.notNegative(fatG, "fatG");
    Copies.notNegative(carbsG, "carbsG");
    Copies.positive(mealsPerDay, "mealsPerDay");
    meals = Copies.list(meals, "meals");
    dietaryPreferences = Copies.sortedSet(dietaryPreferences, "dietaryPreferences");
    excludedAllergens = Copies.labels(excludedAllergens, "excludedAllergens");
    notes = Copies.list(notes, "notes");
  }

  @Override
  public PlanKind kind() {
    return PlanKind.NUTRITION;
  }
}
