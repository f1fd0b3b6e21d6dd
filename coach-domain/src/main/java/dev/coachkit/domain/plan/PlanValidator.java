package dev.coachkit.domain.plan;

import dev.coachkit.domain.plan.exercise.Exercise;
import dev.coachkit.domain.plan.exercise.ExerciseLibrary;
import dev.coachkit.ports.model.plan.DayFocus;
import dev.coachkit.ports.model.plan.DietaryPreference;
import dev.coachkit.ports.model.plan.Limitation;
import dev.coachkit.ports.model.plan.MealTarget;
import dev.coachkit.ports.model.plan.NutritionGoal;
import dev.coachkit.ports.model.plan.NutritionPlan;
import dev.coachkit.ports.model.plan.NutritionPlanParameters;
import dev.coachkit.ports.model.plan.PlanWeek;
import dev.coachkit.ports.model.plan.PrescribedExercise;
import dev.coachkit.ports.model.plan.WorkoutDay;
import dev.coachkit.ports.model.plan.WorkoutPlan;
import dev.coachkit.ports.model.plan.WorkoutPlanParameters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules every plan request and every plan must satisfy before a plan is stored; each method returns the
 * broken rules as sentences (empty when all hold) and never throws for bad input.
 */
public final class PlanValidator {

  public static final int MIN_DAYS_PER_WEEK = 1;
  public static final int MAX_DAYS_PER_WEEK = 7;
  public static final int MIN_SESSION_MINUTES = 20;
  public static final int MAX_SESSION_MINUTES = 180;
  public static final int MIN_WEEKS = 1;
  public static final int MAX_WEEKS = 16;
  public static final int MIN_AGE = 16;
  public static final int MAX_AGE = 100;
  public static final double MIN_HEIGHT_CM = 120;
  public static final double MAX_HEIGHT_CM = 230;
  public static final double MIN_WEIGHT_KG = 30;
  public static final double MAX_WEIGHT_KG = 300;
  public static final int MIN_MEALS_PER_DAY = 1;
  public static final int MAX_MEALS_PER_DAY = 6;
  public static final int MAX_ALLERGIES = 20;
  public static final int MAX_ALLERGY_LENGTH = 60;
  /** Below this body-mass index no weight-loss plan is written. */
  public static final double MIN_BMI_FOR_LOSS = 18.5;
  static final double MACRO_TOLERANCE = 0.01;
  static final int MAX_SETS = 6;
  static final int MAX_REST_SECONDS = 300;

  private final ExerciseLibrary library;

  public PlanValidator(ExerciseLibrary library) {
    this.library = library;
  }

  // ---------------------------------------------------------------- workout

  /** The rules a workout request breaks; an empty equipment set is fine and means body weight only. */
  public List<String> requestProblems(WorkoutPlanParameters p) {
    List<String> problems = new ArrayList<>();
    range(problems, "daysPerWeek", p.daysPerWeek(), MIN_DAYS_PER_WEEK, MAX_DAYS_PER_WEEK);
    range(problems, "sessionMinutes", p.sessionMinutes(), MIN_SESSION_MINUTES, MAX_SESSION_MINUTES);
    range(problems, "weeks", p.weeks(), MIN_WEEKS, MAX_WEEKS);
    return problems;
  }

  /** The rules a workout plan breaks for the request it answers. */
  public List<String> planProblems(WorkoutPlanParameters p, WorkoutPlan plan) {
    List<String> problems = new ArrayList<>(requestProblems(p));
    if (!problems.isEmpty()) {
      return problems;
    }
    same(problems, "goal", p.goal(), plan.goal());
    same(problems, "level", p.level(), plan.level());
    same(problems, "daysPerWeek", p.daysPerWeek(), plan.daysPerWeek());
    same(problems, "sessionMinutes", p.sessionMinutes(), plan.sessionMinutes());
    same(problems, "split", Splits.choose(p.daysPerWeek(), p.level()), plan.split());
    if (plan.weeks().size() != p.weeks()) {
      problems.add("the plan has " + plan.weeks().size() + " weeks but " + p.weeks() + " were asked for");
    }
    List<DayFocus> focuses = Splits.focuses(Splits.choose(p.daysPerWeek(), p.level()), p.daysPerWeek());
    int previousWeekSets = -1;
    for (int w = 0; w < plan.weeks().size(); w++) {
      PlanWeek week = plan.weeks().get(w);
      String where = "week " + week.weekNumber();
      if (week.weekNumber() != w + 1) {
        problems.add("week " + (w + 1) + " is numbered " + week.weekNumber());
      }
      if (week.deload() != Prescriptions.isDeloadWeek(week.weekNumber())) {
        problems.add(where + (week.deload() ? " must not be a deload week" : " must be a deload week"));
      }
      if (week.days().size() != p.daysPerWeek()) {
        problems.add(where + " has " + week.days().size() + " sessions but " + p.daysPerWeek() + " were asked for");
      }
      int weekSets = 0;
      for (int d = 0; d < week.days().size(); d++) {
        WorkoutDay day = week.days().get(d);
        weekSets += checkDay(problems, p, where, d, day, d < focuses.size() ? focuses.get(d) : null);
      }
      if (week.deload() && previousWeekSets >= 0 && weekSets >= previousWeekSets) {
        problems.add(where + " is a deload week but has " + weekSets + " sets, not fewer than the "
            + previousWeekSets + " of the week before");
      }
      previousWeekSets = weekSets;
    }
    return problems;
  }

  private int checkDay(
      List<String> problems, WorkoutPlanParameters p, String week, int index, WorkoutDay day, DayFocus focus) {
    String where = week + " day " + day.dayNumber();
    if (day.dayNumber() != index + 1) {
      problems.add(week + " session " + (index + 1) + " is numbered " + day.dayNumber());
    }
    if (focus != null && day.focus() != focus) {
      problems.add(where + " should focus on " + focus + " but focuses on " + day.focus());
    }
    int minutes = SessionTime.minutes(day);
    if (minutes > p.sessionMinutes()) {
      problems.add(where + " takes about " + minutes + " minutes, more than the " + p.sessionMinutes() + " available");
    }
    int sets = 0;
    Set<String> seen = new HashSet<>();
    for (PrescribedExercise prescribed : day.exercises()) {
      sets += prescribed.sets();
      String what = where + " exercise '" + prescribed.exerciseId() + "'";
      if (!seen.add(prescribed.exerciseId())) {
        problems.add(what + " appears twice");
      }
      if (prescribed.sets() > MAX_SETS) {
        problems.add(what + " has " + prescribed.sets() + " sets, more than " + MAX_SETS);
      }
      if (prescribed.restSeconds() > MAX_REST_SECONDS) {
        problems.add(what + " rests " + prescribed.restSeconds() + " s, more than " + MAX_REST_SECONDS);
      }
      Optional<Exercise> known = library.find(prescribed.exerciseId());
      if (known.isEmpty()) {
        problems.add(what + " is not in the exercise library");
        continue;
      }
      Exercise exercise = known.get();
      if (!exercise.usableWith(p.equipment())) {
        problems.add(what + " needs equipment that is not available: " + exercise.equipment());
      }
      if (!exercise.suits(p.level())) {
        problems.add(what + " is " + exercise.level() + " level, above " + p.level());
      }
      if (!exercise.safeFor(p.limitations())) {
        Set<Limitation> clash = new TreeSet<>(exercise.contraindications());
        clash.retainAll(p.limitations());
        problems.add(what + " is contraindicated for " + clash);
      }
      if (exercise.unit() != prescribed.unit()) {
        problems.add(what + " must be dosed in " + exercise.unit() + ", not " + prescribed.unit());
      }
    }
    return sets;
  }

  // ---------------------------------------------------------------- nutrition

  /** The rules a nutrition request breaks, including a requested rate of loss that needs intake below the floor. */
  public List<String> requestProblems(NutritionPlanParameters p) {
    List<String> problems = new ArrayList<>();
    range(problems, "age", p.age(), MIN_AGE, MAX_AGE);
    range(problems, "heightCm", p.heightCm(), MIN_HEIGHT_CM, MAX_HEIGHT_CM);
    range(problems, "weightKg", p.weightKg(), MIN_WEIGHT_KG, MAX_WEIGHT_KG);
    range(problems, "mealsPerDay", p.mealsPerDay(), MIN_MEALS_PER_DAY, MAX_MEALS_PER_DAY);
    if (p.weeklyChangeKg().isPresent()) {
      double rate = p.weeklyChangeKg().getAsDouble();
      if (p.goal() == NutritionGoal.MAINTAIN_WEIGHT) {
        problems.add("weeklyChangeKg must be absent when the goal is to maintain weight");
      } else if (p.goal() == NutritionGoal.LOSE_WEIGHT) {
        range(problems, "weeklyChangeKg", rate, EnergyTargets.MIN_CHANGE_KG_PER_WEEK,
            EnergyTargets.MAX_LOSS_KG_PER_WEEK);
      } else {
        range(problems, "weeklyChangeKg", rate, EnergyTargets.MIN_CHANGE_KG_PER_WEEK,
            EnergyTargets.MAX_GAIN_KG_PER_WEEK);
      }
    }
    Set<DietaryPreference> preferences = p.dietaryPreferences();
    if (preferences.contains(DietaryPreference.PESCATARIAN) && preferences.contains(DietaryPreference.VEGAN)) {
      problems.add("dietaryPreferences VEGAN and PESCATARIAN contradict each other");
    }
    if (preferences.contains(DietaryPreference.PESCATARIAN) && preferences.contains(DietaryPreference.VEGETARIAN)) {
      problems.add("dietaryPreferences VEGETARIAN and PESCATARIAN contradict each other");
    }
    if (p.allergies().size() > MAX_ALLERGIES) {
      problems.add("allergies must list at most " + MAX_ALLERGIES + ", were " + p.allergies().size());
    }
    for (String allergy : p.allergies()) {
      if (allergy.isBlank()) {
        problems.add("allergies must not contain a blank entry");
      } else if (allergy.length() > MAX_ALLERGY_LENGTH) {
        problems.add("allergies entries must be at most " + MAX_ALLERGY_LENGTH + " characters");
      }
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    double bmi = p.weightKg() / Math.pow(p.heightCm() / 100.0, 2);
    if (p.goal() == NutritionGoal.LOSE_WEIGHT && bmi < MIN_BMI_FOR_LOSS) {
      problems.add(String.format(Locale.ROOT, "no weight-loss plan is written for a BMI below %.1f (this one is "
          + "%.1f); please talk to a doctor or dietitian", MIN_BMI_FOR_LOSS, bmi));
      return problems;
    }
    EnergyTargets energy = EnergyTargets.of(p);
    if (p.goal() == NutritionGoal.LOSE_WEIGHT && energy.explicitRate() && energy.requestedBelowFloor()) {
      double max = energy.maxSafeLossKgPerWeek();
      problems.add(String.format(Locale.ROOT,
          "losing %.2f kg a week needs about %d kcal a day, below the safe floor of %d kcal; %s",
          energy.weeklyChangeKg(), energy.requested(), energy.floor(),
          max >= EnergyTargets.MIN_CHANGE_KG_PER_WEEK
              ? String.format(Locale.ROOT, "at most %.2f kg a week is possible", max)
              : "at this activity level weight loss through intake alone is not advisable"));
    }
    return problems;
  }

  /** The rules a nutrition plan breaks for the request it answers. */
  public List<String> planProblems(NutritionPlanParameters p, NutritionPlan plan) {
    List<String> problems = new ArrayList<>(requestProblems(p));
    if (!problems.isEmpty()) {
      return problems;
    }
    EnergyTargets energy = EnergyTargets.of(p);
    same(problems, "goal", p.goal(), plan.goal());
    same(problems, "bmrKcal", (int) Math.round(energy.bmr()), plan.bmrKcal());
    same(problems, "tdeeKcal", (int) Math.round(energy.tdee()), plan.tdeeKcal());
    same(problems, "mealsPerDay", p.mealsPerDay(), plan.mealsPerDay());
    same(problems, "dietaryPreferences", p.dietaryPreferences(), plan.dietaryPreferences());
    same(problems, "excludedAllergens", p.allergies(), plan.excludedAllergens());
    int target = plan.targetKcal();
    if (target < energy.floor()) {
      problems.add("targetKcal " + target + " is below the safe floor of " + energy.floor() + " kcal");
    }
    if (p.goal() == NutritionGoal.LOSE_WEIGHT && target > Math.max(energy.floor(), energy.tdee())) {
      problems.add("targetKcal " + target + " is above maintenance although the goal is to lose weight");
    }
    if (p.goal() == NutritionGoal.GAIN_WEIGHT && target < energy.tdee()) {
      problems.add("targetKcal " + target + " is below maintenance although the goal is to gain weight");
    }
    double weight = p.weightKg();
    if (plan.proteinG() < NutritionPlanner.MIN_PROTEIN_G_PER_KG * weight - 0.5
        || plan.proteinG() > NutritionPlanner.MAX_PROTEIN_G_PER_KG * weight + 0.5) {
      problems.add(String.format(Locale.ROOT, "proteinG %d is %.2f g/kg, outside 1.6 to 2.2 g/kg", plan.proteinG(),
          plan.proteinG() / weight));
    }
    if (9.0 * plan.fatG() < NutritionPlanner.MIN_FAT_SHARE * target - 4.5) {
      problems.add("fatG " + plan.fatG() + " gives less than 20 % of the energy target");
    }
    int macroKcal = 4 * plan.proteinG() + 9 * plan.fatG() + 4 * plan.carbsG();
    if (Math.abs(macroKcal - target) > MACRO_TOLERANCE * target) {
      problems.add("macronutrients add up to " + macroKcal + " kcal, more than 1 % away from the target of "
          + target);
    }
    List<MealTarget> meals = plan.meals();
    if (meals.size() != plan.mealsPerDay()) {
      problems.add("the plan lists " + meals.size() + " meals but " + plan.mealsPerDay() + " per day");
    }
    int kcal = 0;
    int protein = 0;
    int fat = 0;
    int carbs = 0;
    for (int i = 0; i < meals.size(); i++) {
      MealTarget meal = meals.get(i);
      if (meal.mealNumber() != i + 1) {
        problems.add("meal " + (i + 1) + " is numbered " + meal.mealNumber());
      }
      kcal += meal.kcal();
      protein += meal.proteinG();
      fat += meal.fatG();
      carbs += meal.carbsG();
    }
    if (kcal != target || protein != plan.proteinG() || fat != plan.fatG() || carbs != plan.carbsG()) {
      problems.add("the meals do not add up to the daily targets");
    }
    return problems;
  }

  // ---------------------------------------------------------------- helpers

  private static void range(List<String> problems, String field, int value, int min, int max) {
    if (value < min || value > max) {
      problems.add(field + " must be between " + min + " and " + max + ", was " + value);
    }
  }

  private static void range(List<String> problems, String field, double value, double min, double max) {
    if (!Double.isFinite(value) || value < min || value > max) {
      problems.add(String.format(Locale.ROOT, "%s must be between %s and %s, was %s", field, plain(min),
          plain(max), plain(value)));
    }
  }

  private static String plain(double value) {
    return value == Math.rint(value) && Double.isFinite(value)
        ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static void same(List<String> problems, String field, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      problems.add(field + " must be " + expected + " for this request, was " + actual);
    }
  }
}
