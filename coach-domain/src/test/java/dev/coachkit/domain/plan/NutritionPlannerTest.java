package dev.coachkit.domain.plan;

import static dev.coachkit.domain.plan.TestPlanParametersFactory.man;
import static dev.coachkit.domain.plan.TestPlanParametersFactory.nutrition;
import static dev.coachkit.domain.plan.TestPlanParametersFactory.woman;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.plan.ActivityLevel;
import dev.coachkit.ports.model.plan.BiologicalSex;
import dev.coachkit.ports.model.plan.DietaryPreference;
import dev.coachkit.ports.model.plan.MealTarget;
import dev.coachkit.ports.model.plan.NutritionGoal;
import dev.coachkit.ports.model.plan.NutritionPlan;
import dev.coachkit.ports.model.plan.NutritionPlanParameters;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NutritionPlannerTest {

  private final NutritionPlanner planner = TestPlanParametersFactory.nutritionPlanner();

  private NutritionPlan planned(NutritionPlanParameters parameters) {
    PlanningResult<NutritionPlan> result = planner.plan(parameters);
    assertThat(result).isInstanceOf(PlanningResult.Planned.class);
    return ((PlanningResult.Planned<NutritionPlan>) result).body();
  }

  private List<String> refusalReasons(NutritionPlanParameters parameters) {
    PlanningResult<NutritionPlan> result = planner.plan(parameters);
    assertThat(result).isInstanceOf(PlanningResult.Refused.class);
    return ((PlanningResult.Refused<NutritionPlan>) result).refusal().reasons();
  }

  private static NutritionPlanParameters withMeals(NutritionPlanParameters p, int meals,
      Set<DietaryPreference> preferences, Set<String> allergies) {
    return new NutritionPlanParameters(p.sex(), p.age(), p.heightCm(), p.weightKg(), p.activityLevel(), p.goal(),
        p.weeklyChangeKg(), meals, preferences, allergies);
  }

  @Test
  void givenReferenceManMaintaining_plan_usesBmrTdeeAndMacroRules() {
    NutritionPlan plan = planned(man());

    // BMR 1780, TDEE 1780 * 1.55 = 2759, target rounded to 2760
    assertThat(plan.bmrKcal()).isEqualTo(1780);
    assertThat(plan.tdeeKcal()).isEqualTo(2759);
    assertThat(plan.targetKcal()).isEqualTo(2760);
    // protein 1.6 g/kg * 80 kg = 128 g; fat 25 % of 2760 / 9 = 76.7 -> 77 g; carbs (2760 - 512 - 693) / 4 = 389 g
    assertThat(plan.proteinG()).isEqualTo(128);
    assertThat(plan.fatG()).isEqualTo(77);
    assertThat(plan.carbsG()).isEqualTo(389);
  }

  @Test
  void givenManLosingAtDefaultRate_plan_subtracts550kcalAndRaisesProteinTo2gPerKg() {
    NutritionPlanParameters p = nutrition(BiologicalSex.MALE, 30, 180, 80, ActivityLevel.MODERATELY_ACTIVE,
        NutritionGoal.LOSE_WEIGHT, OptionalDouble.empty());

    NutritionPlan plan = planned(p);

    assertThat(plan.targetKcal()).isEqualTo(2210); // 2759 - 550 = 2209, rounded to 10
    assertThat(plan.proteinG()).isEqualTo(160);
  }

  @Test
  void givenWomanGainingAtDefaultRate_plan_adds275kcal() {
    NutritionPlan plan = planned(woman(NutritionGoal.GAIN_WEIGHT, OptionalDouble.empty()));

    assertThat(plan.targetKcal()).isEqualTo(1890); // 1345.25 * 1.2 = 1614.3, + 275 = 1889.3
    assertThat(plan.proteinG()).isEqualTo(108); // 1.8 g/kg * 60 kg
  }

  @Test
  void givenSedentaryWomanLosingAtDefaultRate_plan_raisesTargetToFloorAndSaysSo() {
    NutritionPlan plan = planned(woman(NutritionGoal.LOSE_WEIGHT, OptionalDouble.empty()));

    // 1614.3 - 550 = 1064 is below 1,200 and below the BMR of 1345.25, so the floor is 1346
    assertThat(plan.targetKcal()).isEqualTo(1346);
    assertThat(plan.notes()).anyMatch(n -> n.contains("safe floor of 1346 kcal"));
  }

  @Test
  void givenExplicitLossRateBelowFloor_plan_isRefusedWithTheFloorAndTheSafeMaximum() {
    List<String> reasons = refusalReasons(woman(NutritionGoal.LOSE_WEIGHT, OptionalDouble.of(1.0)));

    assertThat(reasons).singleElement().asString()
        .contains("below the safe floor of 1346 kcal")
        .contains("at most 0.20 kg a week");
  }

  @Test
  void givenExplicitLossRateAboveFloor_plan_usesThatRate() {
    NutritionPlan plan = planned(woman(NutritionGoal.LOSE_WEIGHT, OptionalDouble.of(0.2)));

    assertThat(plan.targetKcal()).isEqualTo(1390); // 1614.3 - 220 = 1394.3, rounded to 10
  }

  @Test
  void givenSmallSedentaryMan_plan_neverGoesBelow1500() {
    NutritionPlan plan = planned(nutrition(BiologicalSex.MALE, 80, 155, 50, ActivityLevel.SEDENTARY,
        NutritionGoal.MAINTAIN_WEIGHT, OptionalDouble.empty()));

    // BMR 500 + 968.75 - 400 + 5 = 1073.75, TDEE 1288.5: below the male floor
    assertThat(plan.targetKcal()).isEqualTo(1500);
  }

  @Test
  void givenAnyPlan_plan_keepsFatAtLeast20PercentAndMacrosWithinOnePercent() {
    NutritionPlan plan = planned(woman(NutritionGoal.LOSE_WEIGHT, OptionalDouble.empty()));

    assertThat(9.0 * plan.fatG()).isGreaterThanOrEqualTo(0.20 * plan.targetKcal());
    int macroKcal = 4 * plan.proteinG() + 9 * plan.fatG() + 4 * plan.carbsG();
    assertThat((double) Math.abs(macroKcal - plan.targetKcal())).isLessThanOrEqualTo(0.01 * plan.targetKcal());
  }

  @Test
  void givenFourMeals_plan_splitsTargetsSoMealsAddUpExactly() {
    NutritionPlan plan = planned(withMeals(man(), 4, Set.of(), Set.of()));

    assertThat(plan.meals()).hasSize(4).extracting(MealTarget::mealNumber).containsExactly(1, 2, 3, 4);
    assertThat(plan.meals().stream().mapToInt(MealTarget::kcal).sum()).isEqualTo(plan.targetKcal());
    assertThat(plan.meals().stream().mapToInt(MealTarget::proteinG).sum()).isEqualTo(plan.proteinG());
    assertThat(plan.meals().stream().mapToInt(MealTarget::fatG).sum()).isEqualTo(plan.fatG());
    assertThat(plan.meals().stream().mapToInt(MealTarget::carbsG).sum()).isEqualTo(plan.carbsG());
  }

  @Test
  void givenVeganWithSoyAllergy_plan_carriesBothAndSuggestsNoSoyFoods() {
    NutritionPlan plan = planned(withMeals(man(), 3, Set.of(DietaryPreference.VEGAN), Set.of("Soy")));

    assertThat(plan.dietaryPreferences()).containsExactly(DietaryPreference.VEGAN);
    assertThat(plan.excludedAllergens()).containsExactly("soy");
    String vegan = plan.notes().stream().filter(n -> n.startsWith("Vegan")).findFirst().orElseThrow();
    assertThat(vegan).contains("lentils").contains("B12").doesNotContain("tofu").doesNotContain("tempeh");
    assertThat(plan.notes()).anyMatch(n -> n.startsWith("Exclude anything containing: soy"));
  }

  @Test
  void givenSameParameters_plan_isIdentical() {
    NutritionPlanParameters p = withMeals(man(), 5, Set.of(DietaryPreference.HALAL, DietaryPreference.DAIRY_FREE),
        Set.of("sesame", "peanut"));

    assertThat(planner.plan(p)).isEqualTo(planner.plan(p));
  }

  @Test
  void givenAge15_plan_isRefusedNamingAge() {
    NutritionPlanParameters p = nutrition(BiologicalSex.FEMALE, 15, 165, 60, ActivityLevel.SEDENTARY,
        NutritionGoal.MAINTAIN_WEIGHT, OptionalDouble.empty());

    assertThat(refusalReasons(p)).containsExactly("age must be between 16 and 100, was 15");
  }

  @Test
  void givenAge101AndWeight20kgAndHeight300cm_plan_isRefusedWithEveryReason() {
    NutritionPlanParameters p = nutrition(BiologicalSex.MALE, 101, 300, 20, ActivityLevel.SEDENTARY,
        NutritionGoal.MAINTAIN_WEIGHT, OptionalDouble.empty());

    assertThat(refusalReasons(p)).containsExactly(
        "age must be between 16 and 100, was 101",
        "heightCm must be between 120 and 230, was 300",
        "weightKg must be between 30 and 300, was 20");
  }

  @Test
  void givenNotANumberWeight_plan_isRefusedNotThrown() {
    NutritionPlanParameters p = nutrition(BiologicalSex.MALE, 40, 180, Double.NaN, ActivityLevel.SEDENTARY,
        NutritionGoal.MAINTAIN_WEIGHT, OptionalDouble.empty());

    assertThat(refusalReasons(p)).singleElement().asString().startsWith("weightKg must be between");
  }

  @Test
  void givenZeroOrSevenMeals_plan_isRefusedNamingMealsPerDay() {
    assertThat(refusalReasons(withMeals(man(), 0, Set.of(), Set.of())))
        .containsExactly("mealsPerDay must be between 1 and 6, was 0");
    assertThat(refusalReasons(withMeals(man(), 7, Set.of(), Set.of())))
        .containsExactly("mealsPerDay must be between 1 and 6, was 7");
  }

  @Test
  void givenRateWhileMaintaining_plan_isRefused() {
    assertThat(refusalReasons(woman(NutritionGoal.MAINTAIN_WEIGHT, OptionalDouble.of(0.5))))
        .containsExactly("weeklyChangeKg must be absent when the goal is to maintain weight");
  }

  @Test
  void givenTooFastLossOrGain_plan_isRefusedNamingTheRange() {
    assertThat(refusalReasons(woman(NutritionGoal.LOSE_WEIGHT, OptionalDouble.of(1.5))))
        .containsExactly("weeklyChangeKg must be between 0.1 and 1, was 1.5");
    assertThat(refusalReasons(woman(NutritionGoal.GAIN_WEIGHT, OptionalDouble.of(0.8))))
        .containsExactly("weeklyChangeKg must be between 0.1 and 0.5, was 0.8");
  }

  @Test
  void givenUnderweightPersonAskingToLose_plan_isRefusedPointingToProfessionalHelp() {
    NutritionPlanParameters p = nutrition(BiologicalSex.FEMALE, 22, 170, 50, ActivityLevel.SEDENTARY,
        NutritionGoal.LOSE_WEIGHT, OptionalDouble.empty());

    assertThat(refusalReasons(p)).singleElement().asString().contains("BMI below 18.5").contains("doctor");
  }

  @Test
  void givenVeganAndPescatarian_plan_isRefusedAsContradictory() {
    assertThat(refusalReasons(withMeals(man(), 3, Set.of(DietaryPreference.VEGAN, DietaryPreference.PESCATARIAN),
        Set.of()))).containsExactly("dietaryPreferences VEGAN and PESCATARIAN contradict each other");
  }

  @Test
  void givenBlankAllergy_plan_isRefused() {
    assertThat(refusalReasons(withMeals(man(), 3, Set.of(), Set.of("  "))))
        .containsExactly("allergies must not contain a blank entry");
  }
}
