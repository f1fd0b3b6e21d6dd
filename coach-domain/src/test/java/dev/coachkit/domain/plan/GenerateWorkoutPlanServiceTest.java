package dev.coachkit.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.coaching.TestCoachWorld;
import dev.coachkit.ports.in.plan.GenerateWorkoutPlanUseCase.GenerateWorkoutPlanCommand;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.json.JsonArray;
import dev.coachkit.ports.model.json.JsonValue;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.ModelMessage;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.coachkit.ports.model.plan.Equipment;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.plan.Limitation;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.PlanKind;
import dev.coachkit.ports.model.plan.PlanOutcome;
import dev.coachkit.ports.model.plan.PlanStatus;
import dev.coachkit.ports.model.plan.TrainingGoal;
import dev.coachkit.ports.model.plan.WorkoutPlan;
import dev.coachkit.ports.model.plan.WorkoutPlanParameters;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestConversationFactory;
import dev.coachkit.ports.testing.TestIds;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GenerateWorkoutPlanServiceTest {
  static final String STRENGTH_FOUR_DAYS = "{\"goal\":\"STRENGTH\",\"level\":\"INTERMEDIATE\",\"daysPerWeek\":4,"
      + "\"sessionMinutes\":60,\"weeks\":8,\"equipment\":[\"BARBELL\",\"DUMBBELL\",\"BENCH\",\"SQUAT_RACK\"],"
      + "\"limitations\":null}";

  private final TestCoachWorld world = new TestCoachWorld();
  private final GenerateWorkoutPlanService service = world.workoutPlans();
  private final UserId user = TestIds.user();

  private static WorkoutPlanParameters explicit() {
    return new WorkoutPlanParameters(TrainingGoal.HYPERTROPHY, FitnessLevel.INTERMEDIATE, 3, 60, 4,
        Set.of(Equipment.DUMBBELL, Equipment.BENCH), Set.of());
  }

  private static Plan generated(PlanOutcome outcome) {
    assertThat(outcome).isInstanceOf(PlanOutcome.Generated.class);
    return ((PlanOutcome.Generated) outcome).plan();
  }

  private static PlanOutcome.Refused refused(PlanOutcome outcome) {
    assertThat(outcome).isInstanceOf(PlanOutcome.Refused.class);
    return (PlanOutcome.Refused) outcome;
  }

  private ConversationId askedForStrength() {
    return world.conversation(user, TestConversationFactory.T0,
        "I want to get stronger, four days a week, an hour each, for eight weeks. I have a barbell rack at home.",
        "Great, let me put that together.");
  }

  @Test
  void givenExplicitParameters_generate_storesVersionOneActive() {
    Plan plan = generated(service.generate(
        new GenerateWorkoutPlanCommand(user, Optional.of(explicit()), Optional.empty())));

    assertThat(plan.version()).isEqualTo(1);
    assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(plan.kind()).isEqualTo(PlanKind.WORKOUT);
    assertThat(plan.createdAt()).isEqualTo(world.clock.instant());
    assertThat(world.plans.find(user, plan.id())).contains(plan);
    assertThat(world.model.requests()).isEmpty();
  }

  @Test
  void givenAPlan_generateAgain_supersedesVersionOne() {
    Plan first = generated(service.generate(
        new GenerateWorkoutPlanCommand(user, Optional.of(explicit()), Optional.empty())));

    Plan second = generated(service.generate(
        new GenerateWorkoutPlanCommand(user, Optional.of(explicit()), Optional.empty())));

    assertThat(second.version()).isEqualTo(2);
    assertThat(world.plans.find(user, first.id()).orElseThrow().status()).isEqualTo(PlanStatus.SUPERSEDED);
    assertThat(world.plans.active(user, PlanKind.WORKOUT)).contains(second);
  }

  @Test
  void givenProfileWithKneeInjury_generateFromExplicitParameters_respectsTheProfileLimitation() {
    world.coachData.saveProfile(TestCoachDataFactory.profile(user)); // injuries: "left knee"

    Plan plan = generated(service.generate(
        new GenerateWorkoutPlanCommand(user, Optional.of(explicit()), Optional.empty())));

    WorkoutPlan body = (WorkoutPlan) plan.body();
    assertThat(body.notes()).anyMatch(n -> n.contains("KNEE"));
    body.weeks().stream().flatMap(w -> w.days().stream()).flatMap(d -> d.exercises().stream())
        .forEach(e -> assertThat(TestCoachWorld.LIBRARY.find(e.exerciseId()).orElseThrow().contraindications())
            .doesNotContain(Limitation.KNEE));
  }

  @Test
  void givenConversation_generate_usesModelExtractedParametersAndRecordsTheSourceConversation() {
    ConversationId conversation = askedForStrength();
    world.model.thenReply(STRENGTH_FOUR_DAYS);

    Plan plan = generated(service.generate(
        new GenerateWorkoutPlanCommand(user, Optional.empty(), Optional.of(conversation))));

    WorkoutPlan body = (WorkoutPlan) plan.body();
    assertThat(body.goal()).isEqualTo(TrainingGoal.STRENGTH);
    assertThat(body.daysPerWeek()).isEqualTo(4);
    assertThat(body.sessionMinutes()).isEqualTo(60);
    assertThat(body.weeks()).hasSize(8);
    assertThat(plan.sourceConversationId()).contains(conversation);
  }

  @Test
  void givenConversation_generate_asksTheModelWithAStrictSchemaAndTheTranscript() {
    ConversationId conversation = askedForStrength();
    world.model.thenReply(STRENGTH_FOUR_DAYS);

    service.generate(new GenerateWorkoutPlanCommand(user, Optional.empty(), Optional.of(conversation)));

    ModelRequest request = world.model.lastRequest();
    assertThat(request.responseSchema()).isPresent();
    assertThat(request.responseSchema().get().name()).isEqualTo("workout_plan_parameters");
    JsonValue required = request.responseSchema().get().schema().find("required").orElseThrow();
    assertThat(((JsonArray) required).size()).isEqualTo(7);
    assertThat(request.responseSchema().get().schema().find("additionalProperties").orElseThrow().toString())
        .isEqualTo("false");
    assertThat(request.tools()).isEmpty();
    String input = ((ModelMessage.UserText) request.history().get(0)).text();
    assertThat(input).contains("four days a week").contains("User:").contains("Coach:");
  }

  @Test
  void givenModelLeavesValuesOpen_generate_fillsThemFromTheProfileAndDefaults() {
    world.coachData.saveProfile(TestCoachDataFactory.profile(user)); // intermediate, dumbbells + bench, left knee
    ConversationId conversation = askedForStrength();
    world.model.thenReply("{\"goal\":null,\"level\":null,\"daysPerWeek\":2,\"sessionMinutes\":null,"
        + "\"weeks\":null,\"equipment\":null,\"limitations\":[\"SHOULDER\"]}");

    Plan plan = generated(service.generate(
        new GenerateWorkoutPlanCommand(user, Optional.empty(), Optional.of(conversation))));

    WorkoutPlan body = (WorkoutPlan) plan.body();
    assertThat(body.goal()).isEqualTo(WorkoutParameterDraft.DEFAULT_GOAL);
    assertThat(body.level()).isEqualTo(FitnessLevel.INTERMEDIATE);
    assertThat(body.daysPerWeek()).isEqualTo(2);
    assertThat(body.sessionMinutes()).isEqualTo(WorkoutParameterDraft.DEFAULT_MINUTES);
    body.weeks().stream().flatMap(w -> w.days().stream()).flatMap(d -> d.exercises().stream())
        .map(e -> TestCoachWorld.LIBRARY.find(e.exerciseId()).orElseThrow())
        .forEach(e -> {
          assertThat(e.contraindications()).doesNotContain(Limitation.KNEE, Limitation.SHOULDER);
          assertThat(e.usableWith(Set.of(Equipment.DUMBBELL, Equipment.BENCH))).isTrue();
        });
  }

  @Test
  void givenAnActivePlan_generateFromConversation_keepsTheCurrentValuesTheUserDidNotChange() {
    generated(service.generate(new GenerateWorkoutPlanCommand(user, Optional.of(explicit()), Optional.empty())));
    ConversationId conversation = askedForStrength();
    world.model.thenReply("{\"goal\":null,\"level\":null,\"daysPerWeek\":4,\"sessionMinutes\":null,"
        + "\"weeks\":null,\"equipment\":[\"DUMBBELL\",\"BENCH\"],\"limitations\":null}");

    Plan plan = generated(service.generate(
        new GenerateWorkoutPlanCommand(user, Optional.empty(), Optional.of(conversation))));

    WorkoutPlan body = (WorkoutPlan) plan.body();
    assertThat(body.goal()).isEqualTo(TrainingGoal.HYPERTROPHY);
    assertThat(body.sessionMinutes()).isEqualTo(60);
    assertThat(body.daysPerWeek()).isEqualTo(4);
    assertThat(world.model.lastRequest().history().get(0).toString()).contains("version 1: goal HYPERTROPHY");
  }

  @Test
  void givenMalformedModelJson_generate_isRefusedAndStoresNothing() {
    ConversationId conversation = askedForStrength();
    world.model.thenReply("{\"goal\": \"STRENGTH\", ");

    PlanOutcome.Refused refused = refused(service.generate(
        new GenerateWorkoutPlanCommand(user, Optional.empty(), Optional.of(conversation))));

    assertThat(refused.refusal().kind()).isEqualTo(RefusalReason.MODEL_UNAVAILABLE);
    assertThat(refused.reasons()).anyMatch(r -> r.contains("could not be used"));
    assertThat(world.plans.list(user, Optional.empty())).isEmpty();
  }

  @Test
  void givenModelJsonOfTheWrongShape_generate_isRefusedNamingTheFields() {
    ConversationId conversation = askedForStrength();
    world.model.thenReply("{\"goal\":\"BECOME_A_NINJA\",\"level\":null,\"daysPerWeek\":\"four\","
        + "\"sessionMinutes\":null,\"weeks\":null,\"equipment\":null,\"limitations\":null}");

    PlanOutcome.Refused refused = refused(service.generate(
        new GenerateWorkoutPlanCommand(user, Optional.empty(), Optional.of(conversation))));

    assertThat(refused.reasons()).anyMatch(r -> r.contains("goal")).anyMatch(r -> r.contains("daysPerWeek"));
    assertThat(world.plans.list(user, Optional.empty())).isEmpty();
  }

  @Test
  void givenExtractedValuesOutOfRange_generate_isRefusedByTheValidatorAndStoresNothing() {
    ConversationId conversation = askedForStrength();
    world.model.thenReply("{\"goal\":null,\"level\":null,\"daysPerWeek\":9,\"sessionMinutes\":null,"
        + "\"weeks\":null,\"equipment\":null,\"limitations\":null}");

    PlanOutcome.Refused refused = refused(service.generate(
        new GenerateWorkoutPlanCommand(user, Optional.empty(), Optional.of(conversation))));

    assertThat(refused.refusal().kind()).isEqualTo(RefusalReason.INVALID_REQUEST);
    assertThat(refused.reasons()).anyMatch(r -> r.contains("daysPerWeek must be between 1 and 7"));
    assertThat(world.plans.list(user, Optional.empty())).isEmpty();
  }

  @Test
  void givenNoModelConfigured_generateFromConversation_isRefusedAsNotConfigured() {
    ConversationId conversation = askedForStrength();
    world.model.thenFail(new ModelFailure(ModelFailure.Kind.NOT_CONFIGURED, "none", "no provider configured"));

    PlanOutcome.Refused refused = refused(service.generate(
        new GenerateWorkoutPlanCommand(user, Optional.empty(), Optional.of(conversation))));

    assertThat(refused.refusal().kind()).isEqualTo(RefusalReason.MODEL_NOT_CONFIGURED);
    assertThat(world.plans.list(user, Optional.empty())).isEmpty();
  }

  @Test
  void givenAnotherUsersConversation_generate_isNotFoundAndNeverAsksTheModel() {
    ConversationId theirs = world.conversation(TestIds.user(), TestConversationFactory.T0, "Plan me a workout");

    PlanOutcome.Refused refused = refused(service.generate(
        new GenerateWorkoutPlanCommand(user, Optional.empty(), Optional.of(theirs))));
    PlanOutcome.Refused withParameters = refused(service.generate(
        new GenerateWorkoutPlanCommand(user, Optional.of(explicit()), Optional.of(theirs))));

    assertThat(refused.refusal().kind()).isEqualTo(RefusalReason.NOT_FOUND);
    assertThat(withParameters.refusal().kind()).isEqualTo(RefusalReason.NOT_FOUND);
    assertThat(world.model.requests()).isEmpty();
    assertThat(world.plans.list(user, Optional.empty())).isEmpty();
  }

  @Test
  void givenEmptyConversation_generate_isRefusedWithoutAskingTheModel() {
    ConversationId empty = world.conversation(user, TestConversationFactory.T0);

    PlanOutcome.Refused refused = refused(service.generate(
        new GenerateWorkoutPlanCommand(user, Optional.empty(), Optional.of(empty))));

    assertThat(refused.refusal().kind()).isEqualTo(RefusalReason.INVALID_REQUEST);
    assertThat(world.model.requests()).isEmpty();
  }

  @Test
  void givenALatestCheckIn_generateFromConversation_passesItToExtractionAndNotesIt() {
    world.coachData.saveCheckIn(TestCoachDataFactory.checkIn(user, TestCoachDataFactory.MONDAY.minusDays(7),
        TestConversationFactory.T0));
    ConversationId conversation = askedForStrength();
    world.model.thenReply(STRENGTH_FOUR_DAYS);

    Plan plan = generated(service.generate(
        new GenerateWorkoutPlanCommand(user, Optional.empty(), Optional.of(conversation))));

    String input = ((ModelMessage.UserText) world.model.lastRequest().history().get(0)).text();
    assertThat(input).contains("late dinners").contains("adherence: 80 %");
    assertThat(((WorkoutPlan) plan.body()).notes())
        .anyMatch(n -> n.startsWith("Takes into account the check-in of 2025-12-29") && n.contains("late dinners"));
  }

  @Test
  void givenNoWorkoutPlan_regenerate_isNotFoundWithoutAskingTheModel() {
    PlanOutcome.Refused refused = refused(service.regenerate(user,
        TestCoachDataFactory.checkIn(user, TestCoachDataFactory.MONDAY, TestConversationFactory.T0)));

    assertThat(refused.refusal().kind()).isEqualTo(RefusalReason.NOT_FOUND);
    assertThat(world.model.requests()).isEmpty();
  }

  @Test
  void givenAWorkoutPlan_regenerateFromCheckIn_writesANewVersionWithoutSourceConversation() {
    ConversationId conversation = askedForStrength();
    world.model.thenReply(STRENGTH_FOUR_DAYS);
    Plan first = generated(service.generate(
        new GenerateWorkoutPlanCommand(user, Optional.empty(), Optional.of(conversation))));
    world.model.thenReply("{\"goal\":null,\"level\":null,\"daysPerWeek\":3,\"sessionMinutes\":45,"
        + "\"weeks\":null,\"equipment\":null,\"limitations\":null}");

    Plan second = generated(service.regenerate(user,
        TestCoachDataFactory.checkIn(user, TestCoachDataFactory.MONDAY, TestConversationFactory.T0)));

    assertThat(second.version()).isEqualTo(first.version() + 1);
    assertThat(second.sourceConversationId()).isEmpty();
    WorkoutPlan body = (WorkoutPlan) second.body();
    assertThat(body.goal()).isEqualTo(TrainingGoal.STRENGTH);
    assertThat(body.daysPerWeek()).isEqualTo(3);
    assertThat(body.notes()).anyMatch(n -> n.startsWith("Takes into account the check-in of 2026-01-05"));
    assertThat(List.of(world.model.lastRequest().history().get(0).toString()))
        .anyMatch(s -> s.contains("(none: regenerate from the check-in)"));
  }
}
