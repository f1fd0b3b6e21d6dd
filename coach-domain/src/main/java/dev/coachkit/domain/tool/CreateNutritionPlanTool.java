package dev.coachkit.domain.tool;

import dev.coachkit.domain.plan.ProfileNormaliser;
import static dev.coachkit.domain.tool.Schemas.enumArray;
import static dev.coachkit.domain.tool.Schemas.enumeration;
import static dev.coachkit.domain.tool.Schemas.integer;
import static dev.coachkit.domain.tool.Schemas.number;
import static dev.coachkit.domain.tool.Schemas.object;
import static dev.coachkit.domain.tool.Schemas.prop;
import static dev.coachkit.domain.tool.Schemas.stringArray;

import dev.coachkit.ports.in.coaching.GetCoachKnowledgeQuery;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeUseCase;
import dev.coachkit.ports.in.plan.GenerateNutritionPlanUseCase;
import dev.coachkit.ports.in.plan.GenerateNutritionPlanUseCase.GenerateNutritionPlanCommand;
import dev.coachkit.ports.model.coaching.CoachKnowledge;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.json.JsonArray;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.model.ToolSpec;
import dev.coachkit.ports.model.plan.ActivityLevel;
import dev.coachkit.ports.model.plan.BiologicalSex;
import dev.coachkit.ports.model.plan.DietaryPreference;
import dev.coachkit.ports.model.plan.NutritionGoal;
import dev.coachkit.ports.model.plan.NutritionPlan;
import dev.coachkit.ports.model.plan.NutritionPlanParameters;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.PlanOutcome;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code create_nutrition_plan}: generates and stores a nutrition plan. Body data left out comes from the profile;
 * when neither has it, the tool answers with an error naming what to ask the user. The command carries only the
 * allergies named in the call; the plan service always excludes the profile's as well and says so in the notes.
 */
final class CreateNutritionPlanTool implements CoachTool {
  static final String NAME = "create_nutrition_plan";
  static final int DEFAULT_MEALS = 3;

  private final GenerateNutritionPlanUseCase plans;
  private final GetCoachKnowledgeUseCase knowledge;
  private final ToolSpec spec = new ToolSpec(NAME,
      "Create and save a personalised daily nutrition plan (energy and macronutrient targets per meal). Use it"
          + " when the user asks for a meal or nutrition plan and you know their goal. Pass null for what the user"
          + " has not said; their profile fills it in.",
      object(
          prop("goal", enumeration("Direction of weight change", NutritionGoal.values(), false)),
          prop("weekly_change_kg", number("Desired change in kg per week (loss 0.1-1.0, gain 0.1-0.5); null for a"
              + " moderate default", 0.1, 1.0, true)),
          prop("meals_per_day", integer("Meals per day; null for 3", 1, 6, true)),
          prop("dietary_preferences", enumArray("Ways of eating to respect; null to use the profile",
              DietaryPreference.values(), true)),
          prop("allergies", stringArray("Allergens to exclude, besides those in the profile", true)),
          prop("sex", enumeration("Sex for the energy equation; null to use the profile", BiologicalSex.values(),
              true)),
          prop("age", integer("Age in years; null to use the profile", 16, 100, true)),
          prop("height_cm", number("Height in cm; null to use the profile", 120, 230, true)),
          prop("weight_kg", number("Weight in kg; null to use the profile", 30, 300, true)),
          prop("activity_level", enumeration("Daily activity outside training; null to use the profile",
              ActivityLevel.values(), true))));

  CreateNutritionPlanTool(GenerateNutritionPlanUseCase plans, GetCoachKnowledgeUseCase knowledge) {
    this.plans = plans;
    this.knowledge = knowledge;
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public boolean createsPlan() {
    return true;
  }

  @Override
  public JsonObject run(ToolArguments args, ToolInvocation invocation) {
    NutritionGoal goal = args.requiredEnum("goal", NutritionGoal.class);
    OptionalDouble weeklyChange = args.optionalNumber("weekly_change_kg", 0.1, 1.0);
    int meals = args.optionalInt("meals_per_day", 1, 6).orElse(DEFAULT_MEALS);
    Optional<Set<DietaryPreference>> diets = args.optionalEnumSet("dietary_preferences", DietaryPreference.class);
    Set<String> allergies = new LinkedHashSet<>(args.optionalStrings("allergies", 20, 100).orElse(List.of()));
    Optional<BiologicalSex> sex = args.optionalEnum("sex", BiologicalSex.class);
    OptionalInt age = args.optionalInt("age", 16, 100);
    OptionalDouble height = args.optionalNumber("height_cm", 120, 230);
    OptionalDouble weight = args.optionalNumber("weight_kg", 30, 300);
    Optional<ActivityLevel> activity = args.optionalEnum("activity_level", ActivityLevel.class);

    CoachKnowledge known = knowledge.get(new GetCoachKnowledgeQuery(invocation.userId()));
    Optional<CoachProfile> profile = known.profile();
    int thisYear = known.asOf().atZone(ZoneOffset.UTC).getYear();

    Optional<BiologicalSex> chosenSex = sex.or(() -> profile.flatMap(CoachProfile::sex).map(ProfileNormaliser::biologicalSex));
    Optional<Integer> chosenAge = age.isPresent() ? Optional.of(age.getAsInt())
        : profile.flatMap(CoachProfile::birthYear).map(y -> thisYear - y);
    Optional<Double> chosenHeight = height.isPresent() ? Optional.of(height.getAsDouble())
        : profile.flatMap(CoachProfile::heightCm);
    Optional<Double> chosenWeight = weight.isPresent() ? Optional.of(weight.getAsDouble())
        : profile.flatMap(CoachProfile::weightKg);
    Optional<ActivityLevel> chosenActivity = activity.or(() -> profile.flatMap(CoachProfile::activityLevel));
    List<String> missing = new ArrayList<>();
    if (chosenSex.isEmpty()) {
      missing.add("sex");
    }
    if (chosenAge.isEmpty()) {
      missing.add("age");
    }
    if (chosenHeight.isEmpty()) {
      missing.add("height_cm");
    }
    if (chosenWeight.isEmpty()) {
      missing.add("weight_kg");
    }
    if (chosenActivity.isEmpty()) {
      missing.add("activity_level");
    }
    if (!missing.isEmpty()) {
      throw new ToolArgumentException("not known yet: " + String.join(", ", missing)
          + "; ask the user, then call again with these values");
    }
    Set<DietaryPreference> chosenDiets = diets
        .or(() -> profile.map(p -> ProfileNormaliser.dietaryPreferences(p.dietaryPreferences()).values()))
        .orElse(Set.of());

    NutritionPlanParameters parameters = new NutritionPlanParameters(chosenSex.get(), chosenAge.get(),
        chosenHeight.get(), chosenWeight.get(), chosenActivity.get(), goal,
        goal == NutritionGoal.MAINTAIN_WEIGHT ? OptionalDouble.empty() : weeklyChange, meals, chosenDiets, allergies);
    PlanOutcome outcome = plans.generate(new GenerateNutritionPlanCommand(invocation.userId(),
        Optional.of(parameters), invocation.conversationId()));
    if (outcome instanceof PlanOutcome.Refused) {
      throw new ToolRefusalException("the nutrition plan was refused", ((PlanOutcome.Refused) outcome).reasons());
    }
    return summary(((PlanOutcome.Generated) outcome).plan());
  }

  private static JsonObject summary(Plan plan) {
    NutritionPlan n = (NutritionPlan) plan.body();
    return JsonObject.builder()
        .put("plan_id", plan.id().toString())
        .put("kind", "nutrition")
        .put("version", plan.version())
        .put("goal", Schemas.wire(n.goal()))
        .put("target_kcal", n.targetKcal())
        .put("protein_g", n.proteinG())
        .put("fat_g", n.fatG())
        .put("carbs_g", n.carbsG())
        .put("meals_per_day", n.mealsPerDay())
        .put("excluded_allergens", JsonArray.ofStrings(List.copyOf(n.excludedAllergens())))
        .put("notes", JsonArray.ofStrings(n.notes()))
        .build();
  }
}
