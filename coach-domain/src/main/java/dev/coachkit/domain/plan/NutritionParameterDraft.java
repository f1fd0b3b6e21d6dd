package dev.coachkit.domain.plan;

import dev.coachkit.domain.coaching.Calendar;
import dev.coachkit.domain.coaching.JsonFields;
import dev.coachkit.domain.coaching.JsonSchemas;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.coaching.ProgressMeasurement;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.model.ResponseSchema;
import dev.coachkit.ports.model.plan.ActivityLevel;
import dev.coachkit.ports.model.plan.BiologicalSex;
import dev.coachkit.ports.model.plan.DietaryPreference;
import dev.coachkit.ports.model.plan.NutritionGoal;
import dev.coachkit.ports.model.plan.NutritionPlan;
import dev.coachkit.ports.model.plan.NutritionPlanParameters;
import dev.coachkit.ports.model.plan.Plan;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Nutrition parameters as far as the model could extract them (empty = not stated), and the rules that complete
 * them: stated values first, then the current plan, then the profile (and the newest weight measurement), then
 * defaults. Allergies are the union of every source, so an allergy is never dropped. Age, height and weight have
 * no default: without them the request is refused, saying what to add.
 */
record NutritionParameterDraft(
    Optional<BiologicalSex> sex,
    Optional<Integer> age,
    Optional<Double> heightCm,
    Optional<Double> weightKg,
    Optional<ActivityLevel> activityLevel,
    Optional<NutritionGoal> goal,
    Optional<Double> weeklyChangeKg,
    Optional<Integer> mealsPerDay,
    Optional<Set<DietaryPreference>> dietaryPreferences,
    List<String> allergies) {

  static final NutritionGoal DEFAULT_GOAL = NutritionGoal.MAINTAIN_WEIGHT;
  static final ActivityLevel DEFAULT_ACTIVITY = ActivityLevel.LIGHTLY_ACTIVE;
  static final int DEFAULT_MEALS = 3;

  static final String INSTRUCTIONS = String.join("\n",
      "You extract the parameters of a nutrition plan for a deterministic plan engine; you do not write the plan.",
      "Read the profile, the current plan, the latest check-in and the conversation.",
      "Return only what the user asked for or stated. Use null for anything not stated: the engine fills it from",
      "the current plan and the profile. Never invent body data, diets or allergies.",
      "weeklyChangeKg is a positive rate in kg per week and only for losing or gaining weight.",
      "List every allergy or intolerance the user mentions under allergies, in their words.",
      "When regenerating from a check-in: if adherence was low, prefer a gentler rate of change or fewer, simpler",
      "meals; otherwise keep the current plan's values (null).",
      "Ranges the engine accepts: age 16-100, heightCm 120-230, weightKg 30-300, mealsPerDay 1-6,",
      "weeklyChangeKg 0.1-1.0 for loss and 0.1-0.5 for gain.");

  static ResponseSchema schema() {
    Map<String, JsonObject> properties = new LinkedHashMap<>();
    properties.put("sex", JsonSchemas.nullableEnum(BiologicalSex.class, "sex for the energy equation"));
    properties.put("age", JsonSchemas.nullableInteger("age in years"));
    properties.put("heightCm", JsonSchemas.nullableNumber("height in centimetres"));
    properties.put("weightKg", JsonSchemas.nullableNumber("body weight in kilograms"));
    properties.put("activityLevel", JsonSchemas.nullableEnum(ActivityLevel.class, "daily activity"));
    properties.put("goal", JsonSchemas.nullableEnum(NutritionGoal.class, "direction of weight change"));
    properties.put("weeklyChangeKg", JsonSchemas.nullableNumber("rate of change in kg per week, positive"));
    properties.put("mealsPerDay", JsonSchemas.nullableInteger("meals per day, 1-6"));
    properties.put("dietaryPreferences",
        JsonSchemas.nullableEnumArray(DietaryPreference.class, "ways of eating to respect"));
    properties.put("allergies", JsonSchemas.nullableStringArray("allergies and intolerances"));
    return new ResponseSchema("nutrition_plan_parameters", JsonSchemas.object(properties));
  }

  record Read(NutritionParameterDraft draft, List<String> problems) {}

  static Read read(JsonObject answer) {
    JsonFields fields = new JsonFields(answer);
    NutritionParameterDraft draft = new NutritionParameterDraft(
        fields.enumValue("sex", BiologicalSex.class),
        fields.integer("age"),
        fields.number("heightCm"),
        fields.number("weightKg"),
        fields.enumValue("activityLevel", ActivityLevel.class),
        fields.enumValue("goal", NutritionGoal.class),
        fields.number("weeklyChangeKg"),
        fields.integer("mealsPerDay"),
        fields.enumSet("dietaryPreferences", DietaryPreference.class),
        fields.textArray("allergies").orElse(List.of()));
    return new Read(draft, fields.problems());
  }

  /** Complete parameters and notes, or the facts that are missing (one sentence each). */
  record Completed(Optional<NutritionPlanParameters> parameters, List<String> notes, List<String> missing) {}

  Completed complete(Optional<CoachProfile> profile, Optional<Plan> active, List<ProgressMeasurement> weights,
      Clock clock) {
    Optional<NutritionPlan> current = active.map(Plan::body)
        .filter(NutritionPlan.class::isInstance).map(NutritionPlan.class::cast);
    List<String> notes = new ArrayList<>();
    List<String> missing = new ArrayList<>();

    BiologicalSex chosenSex = sex.or(() -> profile.flatMap(CoachProfile::sex).map(ProfileNormaliser::biologicalSex))
        .orElseGet(() -> {
          notes.add("Sex not known: the energy estimate uses the midpoint of the equations and the higher floor.");
          return BiologicalSex.UNSPECIFIED;
        });
    Optional<Integer> chosenAge =
        age.or(() -> profile.flatMap(CoachProfile::birthYear).map(y -> Calendar.ageThisYear(y, clock)));
    Optional<Double> chosenHeight = heightCm.or(() -> profile.flatMap(CoachProfile::heightCm));
    Optional<Double> chosenWeight = weightKg.or(() -> newestWeight(profile, weights));
    if (chosenAge.isEmpty()) {
      missing.add("your age is not known: add your age or birth year to your profile, or tell your coach");
    }
    if (chosenHeight.isEmpty()) {
      missing.add("your height is not known: add it to your profile, or tell your coach");
    }
    if (chosenWeight.isEmpty()) {
      missing.add("your weight is not known: add it to your profile, record it as progress, or tell your coach");
    }
    ActivityLevel chosenActivity = activityLevel.or(() -> profile.flatMap(CoachProfile::activityLevel))
        .orElseGet(() -> {
          notes.add("Activity level not known: assumed lightly active.");
          return DEFAULT_ACTIVITY;
        });

    Set<DietaryPreference> preferences = dietaryPreferences
        .or(() -> current.map(NutritionPlan::dietaryPreferences))
        .orElseGet(() -> {
          ProfileNormaliser.Normalised<DietaryPreference> fromProfile = ProfileNormaliser.dietaryPreferences(
              profile.map(CoachProfile::dietaryPreferences).orElse(List.of()));
          if (!fromProfile.unrecognised().isEmpty()) {
            notes.add("Dietary preferences in your profile not recognised, so not applied: "
                + String.join(", ", fromProfile.unrecognised()) + ".");
          }
          return fromProfile.values();
        });
    Set<String> allergens = new TreeSet<>(ProfileNormaliser.allergens(allergies));
    allergens.addAll(ProfileNormaliser.allergens(profile.map(CoachProfile::allergies).orElse(List.of())));
    current.ifPresent(p -> allergens.addAll(p.excludedAllergens()));

    if (!missing.isEmpty()) {
      return new Completed(Optional.empty(), notes, missing);
    }
    NutritionPlanParameters parameters = new NutritionPlanParameters(
        chosenSex,
        chosenAge.get(),
        chosenHeight.get(),
        chosenWeight.get(),
        chosenActivity,
        goal.or(() -> current.map(NutritionPlan::goal)).orElse(DEFAULT_GOAL),
        weeklyChangeKg.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
        mealsPerDay.or(() -> current.map(NutritionPlan::mealsPerDay)).orElse(DEFAULT_MEALS),
        preferences,
        allergens);
    return new Completed(Optional.of(parameters), notes, List.of());
  }

  /** Explicit parameters with the profile's allergies added (never dropped) and its diet if none was given. */
  static NutritionPlanParameters completeExplicit(NutritionPlanParameters explicit, Optional<CoachProfile> profile,
      List<String> notes) {
    Set<String> allergens = new TreeSet<>(explicit.allergies());
    allergens.addAll(ProfileNormaliser.allergens(profile.map(CoachProfile::allergies).orElse(List.of())));
    Set<String> added = new TreeSet<>(allergens);
    added.removeAll(explicit.allergies());
    if (!added.isEmpty()) {
      notes.add("Allergies from your profile were excluded as well: " + String.join(", ", added) + ".");
    }
    Set<DietaryPreference> preferences = explicit.dietaryPreferences();
    if (preferences.isEmpty()) {
      preferences = ProfileNormaliser.dietaryPreferences(
          profile.map(CoachProfile::dietaryPreferences).orElse(List.of())).values();
    }
    return new NutritionPlanParameters(explicit.sex(), explicit.age(), explicit.heightCm(), explicit.weightKg(),
        explicit.activityLevel(), explicit.goal(), explicit.weeklyChangeKg(), explicit.mealsPerDay(), preferences,
        allergens);
  }


  /** The weight stated most recently: the profile's (as of its update) or the newest "weight" measurement in kg. */
  static Optional<Double> newestWeight(Optional<CoachProfile> profile, List<ProgressMeasurement> measurements) {
    Optional<ProgressMeasurement> measured = measurements.stream()
        .filter(m -> isWeightInKg(m))
        .reduce((a, b) -> b.measuredAt().isBefore(a.measuredAt()) ? a : b);
    Optional<Double> stated = profile.flatMap(CoachProfile::weightKg);
    if (measured.isEmpty()) {
      return stated;
    }
    Instant profileAt = profile.map(CoachProfile::updatedAt).orElse(Instant.MIN);
    if (stated.isPresent() && !measured.get().measuredAt().isAfter(profileAt)) {
      return stated;
    }
    return Optional.of(measured.get().value());
  }

  private static boolean isWeightInKg(ProgressMeasurement m) {
    String metric = m.metric().toLowerCase(Locale.ROOT);
    return (metric.equals("weight") || metric.equals("body weight") || metric.equals("peso"))
        && m.unit().equalsIgnoreCase("kg");
  }

  static String describe(Plan plan) {
    if (!(plan.body() instanceof NutritionPlan body)) {
      return "(none)";
    }
    return "version " + plan.version() + ": goal " + body.goal() + ", " + body.targetKcal() + " kcal a day, "
        + body.mealsPerDay() + " meals, dietary preferences " + body.dietaryPreferences() + ", excluded allergens "
        + body.excludedAllergens();
  }
}
