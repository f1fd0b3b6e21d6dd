package dev.coachkit.domain.plan;

import dev.coachkit.ports.model.plan.DietaryPreference;
import dev.coachkit.ports.model.plan.MealTarget;
import dev.coachkit.ports.model.plan.NutritionGoal;
import dev.coachkit.ports.model.plan.NutritionPlan;
import dev.coachkit.ports.model.plan.NutritionPlanParameters;
import dev.coachkit.ports.model.plan.PlanRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a nutrition plan: Mifflin-St Jeor BMR, TDEE, goal adjustment, protein 1.6-2.2 g/kg, fat at least
 * 20 % of energy, carbohydrate the rest, never below the safe floor; deterministic.
 */
public final class NutritionPlanner {

  static final double DEFAULT_FAT_SHARE = 0.25;
  static final double MIN_FAT_SHARE = 0.20;
  static final double MIN_PROTEIN_G_PER_KG = 1.6;
  static final double MAX_PROTEIN_G_PER_KG = 2.2;

  private final PlanValidator validator;

  public NutritionPlanner(PlanValidator validator) {
    this.validator = validator;
  }

  /** The plan for these parameters, or a refusal naming every rule the request breaks. */
  public PlanningResult<NutritionPlan> plan(NutritionPlanParameters parameters) {
    List<String> problems = validator.requestProblems(parameters);
    if (!problems.isEmpty()) {
      return new PlanningResult.Refused<>(new PlanRefusal(problems));
    }
    EnergyTargets energy = EnergyTargets.of(parameters);
    int target = energy.target();
    double weight = parameters.weightKg();

    int protein = (int) Math.ceil(proteinPerKg(parameters.goal()) * weight);
    int fat = (int) Math.ceil(target * DEFAULT_FAT_SHARE / 9.0);
    if (remainingKcal(target, protein, fat) < 0) {
      fat = (int) Math.ceil(target * MIN_FAT_SHARE / 9.0);
    }
    if (remainingKcal(target, protein, fat) < 0) {
      protein = (int) Math.ceil(MIN_PROTEIN_G_PER_KG * weight);
    }
    if (remainingKcal(target, protein, fat) < 0) {
      return new PlanningResult.Refused<>(PlanRefusal.of(String.format(Locale.ROOT,
          "a target of %d kcal cannot hold %.1f g/kg of protein and 20 %% of energy from fat; "
              + "please ask a dietitian", target, MIN_PROTEIN_G_PER_KG)));
    }
    int carbs = (int) Math.round(remainingKcal(target, protein, fat) / 4.0);

    NutritionPlan plan = new NutritionPlan(
        parameters.goal(),
        (int) Math.round(energy.bmr()),
        (int) Math.round(energy.tdee()),
        target,
        protein,
        fat,
        carbs,
        parameters.mealsPerDay(),
        meals(parameters.mealsPerDay(), target, protein, fat, carbs),
        parameters.dietaryPreferences(),
        parameters.allergies(),
        notes(parameters, energy, protein));
    List<String> planProblems = validator.planProblems(parameters, plan);
    if (!planProblems.isEmpty()) {
      return new PlanningResult.Refused<>(new PlanRefusal(planProblems));
    }
    return new PlanningResult.Planned<>(plan);
  }

  static double proteinPerKg(NutritionGoal goal) {
    switch (goal) {
      case LOSE_WEIGHT:
        return 2.0; // the upper half of the range protects lean mass in a deficit
      case GAIN_WEIGHT:
        return 1.8;
      case MAINTAIN_WEIGHT:
        return MIN_PROTEIN_G_PER_KG;
      default:
        throw new IllegalArgumentException("unknown goal " + goal);
    }
  }

  private static int remainingKcal(int target, int protein, int fat) {
    return target - 4 * protein - 9 * fat;
  }

  /** Splits each daily total evenly; the first meals take the remainder so the meals add up exactly. */
  static List<MealTarget> meals(int count, int kcal, int protein, int fat, int carbs) {
    List<MealTarget> meals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      meals.add(new MealTarget(i + 1, "Meal " + (i + 1), share(kcal, count, i), share(protein, count, i),
          share(fat, count, i), share(carbs, count, i)));
    }
    return meals;
  }

  private static int share(int total, int parts, int index) {
    return total / parts + (index < total % parts ? 1 : 0);
  }

  private static List<String> notes(NutritionPlanParameters p, EnergyTargets energy, int protein) {
    List<String> notes = new ArrayList<>();
    notes.add(String.format(Locale.ROOT,
        "Energy: BMR %d kcal (Mifflin-St Jeor) x activity factor %.3f = maintenance about %d kcal a day.",
        Math.round(energy.bmr()), EnergyCalculator.activityFactor(p.activityLevel()), Math.round(energy.tdee())));
    if (p.goal() == NutritionGoal.LOSE_WEIGHT) {
      double effective = Math.max(0, energy.tdee() - energy.target()) / EnergyCalculator.dailyKcalForWeeklyChange(1);
      notes.add(String.format(Locale.ROOT, "Target %d kcal a day aims at about %.2f kg loss a week.",
          energy.target(), effective));
    } else if (p.goal() == NutritionGoal.GAIN_WEIGHT) {
      notes.add(String.format(Locale.ROOT, "Target %d kcal a day aims at about %.2f kg gain a week.",
          energy.target(), energy.weeklyChangeKg()));
    }
    if (energy.requestedBelowFloor()) {
      notes.add(String.format(Locale.ROOT,
          "The target was raised to the safe floor of %d kcal: intake never goes below it.", energy.floor()));
    }
    notes.add(String.format(Locale.ROOT, "Protein %d g a day (%.1f g per kg), spread over the meals.", protein,
        protein / p.weightKg()));
    for (DietaryPreference preference : p.dietaryPreferences()) {
      notes.add(FoodGuidance.forPreference(preference, p.allergies()));
    }
    if (!p.allergies().isEmpty()) {
      notes.add("Exclude anything containing: " + String.join(", ", p.allergies())
          + ". Check labels for traces and cross-contamination.");
    }
    return notes;
  }

  /** Food suggestions per preference, leaving out foods that carry one of the user's allergens. */
  static final class FoodGuidance {
    private FoodGuidance() {}

    static String forPreference(DietaryPreference preference, Set<String> allergies) {
      switch (preference) {
        case VEGETARIAN:
          return "Vegetarian: no meat or fish; protein from " + foods(allergies, "eggs:egg", "dairy:milk",
              "lentils and beans:legume", "tofu:soy", "tempeh:soy") + ".";
        case VEGAN:
          return "Vegan: plant foods only; protein from " + foods(allergies, "lentils and beans:legume",
              "tofu:soy", "tempeh:soy", "seitan:wheat", "soy milk:soy", "peas:pea")
              + "; combine sources through the day and take vitamin B12.";
        case PESCATARIAN:
          return "Pescatarian: fish and seafood but no meat; protein from " + foods(allergies, "fish:fish",
              "shellfish:shellfish", "eggs:egg", "dairy:milk", "lentils and beans:legume") + ".";
        case HALAL:
          return "Halal: no pork or alcohol; meat from halal sources.";
        case KOSHER:
          return "Kosher: kosher-certified foods; meat and dairy kept apart.";
        case GLUTEN_FREE:
          return "Gluten-free: no wheat, barley or rye; carbohydrate from rice, potatoes, oats labelled "
              + "gluten-free, quinoa.";
        case DAIRY_FREE:
          return "Dairy-free: no milk products; calcium from fortified plant drinks and leafy greens.";
        case MEDITERRANEAN:
          return "Mediterranean: vegetables, legumes, whole grains, olive oil and fish at the centre.";
        default:
          throw new IllegalArgumentException("unknown preference " + preference);
      }
    }

    /** Entries are "food:allergen keyword"; a food is dropped when an allergy and its keyword overlap. */
    private static String foods(Set<String> allergies, String... entries) {
      List<String> kept = new ArrayList<>();
      for (String entry : entries) {
        String food = entry.substring(0, entry.indexOf(':'));
        String keyword = entry.substring(entry.indexOf(':') + 1);
        boolean excluded = false;
        for (String allergy : allergies) {
          if (!allergy.isBlank() && (allergy.contains(keyword) || keyword.contains(allergy)
              || food.contains(allergy))) {
            excluded = true;
          }
        }
        if (!excluded) {
          kept.add(food);
        }
      }
      return kept.isEmpty() ? "sources a dietitian helps you choose" : String.join(", ", kept);
    }
  }
}
