package dev.coachkit.ports.model.plan;

/**
 * The energy and macronutrient target of one meal of the day.
 *
 * @param mealNumber the meal's position in the day, from 1
 * @param label a short name such as "Meal 1"
 * @param kcal energy in kilocalories
 * @param proteinG protein in grams
 * @param fatG fat in grams
 * @param carbsG carbohydrate in grams
 */
public record MealTarget(int mealNumber, String label, int kcal, int proteinG, int fatG, int carbsG) {

  public MealTarget {
    Copies.positive(mealNumber, "mealNumber");
    Copies.text(label, "label");
    Copies.notNegative(kcal, "kcal");
    Copies.notNegative(proteinG, "proteinG");
    Copies.notNegative(fatG, "fatG");
    Copies.notNegative(carbsG, "carbsG");
  }
}
