package dev.coachkit.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.coaching.TestCoachWorld;
import dev.coachkit.ports.in.plan.GenerateNutritionPlanUseCase.GenerateNutritionPlanCommand;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.plan.ActivityLevel;
import dev.coachkit.ports.model.plan.BiologicalSex;
import dev.coachkit.ports.model.plan.DietaryPreference;
import dev.coachkit.ports.model.plan.NutritionGoal;
import dev.coachkit.ports.model.plan.NutritionPlan;
import dev.coachkit.ports.model.plan.NutritionPlanParameters;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.PlanOutcome;
import dev.coachkit.ports.model.plan.PlanStatus;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestConversationFactory;
import dev.coachkit.ports.testing.TestIds;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GenerateNutritionPlanServiceTest {
  static final String ALL_OPEN = "{\"sex\":null,\"age\":null,\"heightCm\":null,\"weightKg\":null,"
      + "\"activityLevel\":null,\"goal\":null,\"weeklyChangeKg\":null,\"mealsPerDay\":null,"
      + "\"dietaryPreferences\":null,\"allergies\":null}";
  static final String LOSE_HALF_A_KILO = "{\"sex\":null,\"age\":null,\"heightCm\":null,\"weightKg\":null,"
      + "\"activityLevel\":null,\"goal\":\"LOSE_WEIGHT\",\"weeklyChangeKg\":0.5,\"mealsPerDay\":4,"
      + "\"dietaryPreferences\":null,\"allergies\":[\"shellfish\"]}";

  private final TestCoachWorld world = new TestCoachWorld();
  private final GenerateNutritionPlanService service = world.nutritionPlans();
  private final UserId user = TestIds.user();

  private static Plan generated(PlanOutcome outcome) {
    assertThat(outcome).isInstanceOf(PlanOutcome.Generated.class);
    return ((PlanOutcome.Generated) outcome).plan();
  }

  private static PlanOutcome.Refused refused(PlanOutcome outcome) {
    assertThat(outcome).isInstanceOf(PlanOutcome.Refused.class);
    return (PlanOutcome.Refused) outcome;
  }

  private ConversationId askedToLoseWeight() {
    return world.conversation(user, TestConversationFactory.T0,
        "I'd like to lose about half a kilo a week, four meals a day. I'm allergic to shellfish.", "Noted!");
  }

  @Test
  void givenProfileAndConversation_generate_combinesExtractedGoalWithProfileBodyData() {
    world.coachData.saveProfile(TestCoachDataFactory.profile(user)); // born 1990, 168 cm, 64.5 kg, vegetarian, peanuts
    ConversationId conversation = askedToLoseWeight();
    world.model.thenReply(LOSE_HALF_A_KILO);

    Plan plan = generated(service.generate(
        new GenerateNutritionPlanCommand(user, Optional.empty(), Optional.of(conversation))));

    NutritionPlan body = (NutritionPlan) plan.body();
    assertThat(body.goal()).isEqualTo(NutritionGoal.LOSE_WEIGHT);
    assertThat(body.mealsPerDay()).isEqualTo(4);
    assertThat(body.dietaryPreferences()).containsExactly(DietaryPreference.VEGETARIAN);
    assertThat(body.excludedAllergens()).containsExactlyInAnyOrder("peanuts", "shellfish");
    assertThat(plan.sourceConversationId()).contains(conversation);
    // Mifflin-St Jeor, woman aged 2026 - 1990 = 36: 10 * 64.5 + 6.25 * 168 - 5 * 36 - 161
    assertThat(body.bmrKcal()).isEqualTo((int) Math.round(10 * 64.5 + 6.25 * 168 - 5 * 36 - 161));
  }

  @Test
  void givenNoBodyDataAnywhere_generate_isRefusedSayingWhatToAdd() {
    ConversationId conversation = askedToLoseWeight();
    world.model.thenReply(LOSE_HALF_A_KILO);

    PlanOutcome.Refused refused = refused(service.generate(
        new GenerateNutritionPlanCommand(user, Optional.empty(), Optional.of(conversation))));

    assertThat(refused.refusal().kind()).isEqualTo(RefusalReason.INVALID_REQUEST);
    assertThat(refused.reasons()).hasSize(3)
        .anyMatch(r -> r.contains("age")).anyMatch(r -> r.contains("height")).anyMatch(r -> r.contains("weight"));
    assertThat(world.plans.list(user, Optional.empty())).isEmpty();
  }

  @Test
  void givenAWeightMeasurementNewerThanTheProfile_generate_usesTheMeasuredWeight() {
    world.coachData.saveProfile(TestCoachDataFactory.profile(user)); // 64.5 kg as of T0
    world.clock.advance(Duration.ofDays(3));
    world.coachData.saveMeasurement(TestCoachDataFactory.weight(user, 62.0, world.clock.instant()));
    ConversationId conversation = askedToLoseWeight();
    world.model.thenReply(ALL_OPEN);

    Plan plan = generated(service.generate(
        new GenerateNutritionPlanCommand(user, Optional.empty(), Optional.of(conversation))));

    assertThat(((NutritionPlan) plan.body()).bmrKcal())
        .isEqualTo((int) Math.round(10 * 62.0 + 6.25 * 168 - 5 * 36 - 161));
  }

  @Test
  void givenExplicitParameters_generate_addsTheProfilesAllergiesAndDietWithoutAskingTheModel() {
    world.coachData.saveProfile(TestCoachDataFactory.profile(user)); // vegetarian, peanuts
    NutritionPlanParameters parameters = new NutritionPlanParameters(BiologicalSex.FEMALE, 35, 168, 64.5,
        ActivityLevel.MODERATELY_ACTIVE, NutritionGoal.MAINTAIN_WEIGHT, OptionalDouble.empty(), 3, Set.of(),
        Set.of("gluten"));

    Plan plan = generated(service.generate(
        new GenerateNutritionPlanCommand(user, Optional.of(parameters), Optional.empty())));

    NutritionPlan body = (NutritionPlan) plan.body();
    assertThat(body.excludedAllergens()).containsExactlyInAnyOrder("gluten", "peanuts");
    assertThat(body.dietaryPreferences()).containsExactly(DietaryPreference.VEGETARIAN);
    assertThat(body.notes()).anyMatch(n -> n.contains("peanuts"));
    assertThat(world.model.requests()).isEmpty();
  }

  @Test
  void givenAnUnsafeRate_generate_isRefusedByTheValidator() {
    NutritionPlanParameters parameters = new NutritionPlanParameters(BiologicalSex.FEMALE, 25, 165, 60,
        ActivityLevel.SEDENTARY, NutritionGoal.LOSE_WEIGHT, OptionalDouble.of(1.0), 3, Set.of(), Set.of());

    PlanOutcome.Refused refused = refused(service.generate(
        new GenerateNutritionPlanCommand(user, Optional.of(parameters), Optional.empty())));

    assertThat(refused.reasons()).anyMatch(r -> r.contains("safe floor"));
    assertThat(world.plans.list(user, Optional.empty())).isEmpty();
  }

  @Test
  void givenANutritionPlan_regenerateFromCheckIn_keepsAllergiesAndSupersedesIt() {
    world.coachData.saveProfile(TestCoachDataFactory.profile(user));
    ConversationId conversation = askedToLoseWeight();
    world.model.thenReply(LOSE_HALF_A_KILO);
    Plan first = generated(service.generate(
        new GenerateNutritionPlanCommand(user, Optional.empty(), Optional.of(conversation))));
    world.model.thenReply(ALL_OPEN);

    Plan second = generated(service.regenerate(user,
        TestCoachDataFactory.checkIn(user, TestCoachDataFactory.MONDAY, TestConversationFactory.T0)));

    NutritionPlan body = (NutritionPlan) second.body();
    assertThat(second.version()).isEqualTo(2);
    assertThat(world.plans.find(user, first.id()).orElseThrow().status()).isEqualTo(PlanStatus.SUPERSEDED);
    assertThat(body.goal()).isEqualTo(NutritionGoal.LOSE_WEIGHT);
    assertThat(body.mealsPerDay()).isEqualTo(4);
    assertThat(body.excludedAllergens()).contains("shellfish", "peanuts");
    assertThat(body.notes()).anyMatch(n -> n.startsWith("Takes into account the check-in"));
  }

  @Test
  void givenMalformedModelJson_generate_isRefusedAndStoresNothing() {
    world.coachData.saveProfile(TestCoachDataFactory.profile(user));
    ConversationId conversation = askedToLoseWeight();
    world.model.thenReply("Sure! Here are the parameters: goal lose weight");

    PlanOutcome.Refused refused = refused(service.generate(
        new GenerateNutritionPlanCommand(user, Optional.empty(), Optional.of(conversation))));

    assertThat(refused.refusal().kind()).isEqualTo(RefusalReason.MODEL_UNAVAILABLE);
    assertThat(world.plans.list(user, Optional.empty())).isEmpty();
  }

  @Test
  void givenProfileSexOther_generate_usesTheUnspecifiedEquationAndSaysSo() {
    CoachProfile ana = TestCoachDataFactory.profile(user);
    world.coachData.saveProfile(new CoachProfile(user, ana.name(), ana.birthYear(),
        Optional.of(dev.coachkit.ports.model.coaching.Sex.OTHER), ana.heightCm(), ana.weightKg(),
        ana.fitnessLevel(), ana.activityLevel(), List.of(), List.of(), List.of(), List.of(), ana.language(),
        ana.persona(), ana.preferredMode(), ana.preferredVoice(), false, ana.updatedAt()));
    ConversationId conversation = askedToLoseWeight();
    world.model.thenReply(ALL_OPEN);

    Plan plan = generated(service.generate(
        new GenerateNutritionPlanCommand(user, Optional.empty(), Optional.of(conversation))));

    // UNSPECIFIED takes the midpoint of +5 and -161
    assertThat(((NutritionPlan) plan.body()).bmrKcal())
        .isEqualTo((int) Math.round(10 * 64.5 + 6.25 * 168 - 5 * 36 - 78));
  }
}
