package dev.coachkit.domain.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.coaching.TestCoachWorld;
import dev.coachkit.domain.context.TestKnowledgeFactory;
import dev.coachkit.domain.plan.exercise.ExerciseLibrary;
import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.conversation.ToolResult;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.json.JsonArray;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.json.JsonString;
import dev.coachkit.ports.model.json.JsonValue;
import dev.coachkit.ports.model.model.ToolSpec;
import dev.coachkit.ports.model.plan.Equipment;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.plan.Limitation;
import dev.coachkit.ports.model.plan.NutritionPlan;
import dev.coachkit.ports.model.plan.NutritionPlanParameters;
import dev.coachkit.ports.model.plan.PlanKind;
import dev.coachkit.ports.model.plan.WorkoutPlan;
import dev.coachkit.ports.model.plan.WorkoutPlanParameters;
import dev.coachkit.ports.testing.MutableClock;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestIds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoachToolsTest {
  private static final ExerciseLibrary LIBRARY = ExerciseLibrary.builtIn();
  private final FakeCoachUseCases fakes = new FakeCoachUseCases();
  private final MutableClock clock = new MutableClock();
  private final CoachTools tools = new CoachTools(fakes.workoutPlans, fakes.nutritionPlans, fakes.knowledgeUseCase,
      fakes.followUps, LIBRARY, clock);
  private final UserId ana = TestIds.user();
  private final ConversationId conversation = TestIds.conversation();
  private final ToolInvocation invocation =
      new ToolInvocation(ana, Optional.of(conversation), Persona.FITNESS_COACH, true);
  private final ToolInvocation outsideAConversation =
      new ToolInvocation(ana, Optional.empty(), Persona.FITNESS_COACH, true);

  @BeforeEach
  void knowAna() {
    fakes.knowledge.put(ana, TestKnowledgeFactory.full(ana)); // left knee, dumbbells and bench, peanuts
  }

  private ToolResult run(String tool, String argumentsJson) {
    return tools.run(new ToolCall("call-1", tool, Json.parse(argumentsJson)), invocation);
  }

  private static String error(ToolResult result) {
    assertThat(result.error()).as("error result").isTrue();
    return ((JsonObject) result.result()).findString("error").orElseThrow();
  }

  @Test
  void givenTheFitnessCoach_specsFor_offersAllFiveTools() {
    assertThat(tools.specsFor(Persona.FITNESS_COACH, true)).extracting(ToolSpec::name).containsExactly(
        "create_workout_plan", "create_nutrition_plan", "get_user_progress", "search_exercises",
        "schedule_follow_up");
  }

  @Test
  void givenPlansNotAllowedOrOtherPersonas_specsFor_withholdsPlanTools() {
    assertThat(tools.specsFor(Persona.FITNESS_COACH, false)).extracting(ToolSpec::name)
        .doesNotContain("create_workout_plan", "create_nutrition_plan");
    assertThat(tools.specsFor(Persona.WELLNESS_COUNSELLOR, true)).extracting(ToolSpec::name)
        .containsExactly("get_user_progress", "schedule_follow_up");
    assertThat(tools.specsFor(Persona.LEARNING_MENTOR_FAMILY, true)).extracting(ToolSpec::name)
        .containsExactly("schedule_follow_up");
  }

  @Test
  void givenEveryToolSchema_it_isStrictModeFriendly() {
    for (ToolSpec spec : tools.specsFor(Persona.FITNESS_COACH, true)) {
      JsonObject schema = spec.parametersSchema();
      assertThat(schema.findString("type")).as(spec.name()).contains("object");
      assertThat(schema.find("additionalProperties")).as(spec.name()).contains(dev.coachkit.ports.model.json.JsonBoolean.FALSE);
      JsonObject properties = (JsonObject) schema.find("properties").orElseThrow();
      List<String> required = ((JsonArray) schema.find("required").orElseThrow()).elements().stream()
          .map(v -> ((JsonString) v).value()).collect(Collectors.toList());
      assertThat(required).as(spec.name()).containsExactlyElementsOf(properties.members().keySet());
      assertThat(properties.members().keySet()).as(spec.name()).doesNotContain("user_id");
      for (Map.Entry<String, JsonValue> p : properties.members().entrySet()) {
        JsonObject property = (JsonObject) p.getValue();
        if (property.find("type").orElseThrow() instanceof JsonArray && property.has("enum")) {
          assertThat(((JsonArray) property.find("enum").get()).elements()).as(p.getKey())
              .contains(dev.coachkit.ports.model.json.JsonNull.INSTANCE);
        }
      }
    }
  }

  @Test
  void givenMinimalWorkoutArguments_createWorkoutPlan_fillsTheRestFromTheProfileAndLeavesItsInjuriesToThePlanService() {
    ToolResult result = run("create_workout_plan", "{\"goal\":\"hypertrophy\",\"days_per_week\":3,\"level\":null,"
        + "\"session_minutes\":null,\"weeks\":null,\"equipment\":null,\"limitations\":[\"shoulder\"]}");

    assertThat(result.error()).isFalse();
    assertThat(((JsonObject) result.result()).findString("kind")).contains("workout");
    assertThat(fakes.workoutCommands).hasSize(1);
    var command = fakes.workoutCommands.get(0);
    assertThat(command.userId()).isEqualTo(ana);
    assertThat(command.sourceConversationId()).contains(conversation);
    WorkoutPlanParameters p = command.parameters().orElseThrow();
    assertThat(p.level()).isEqualTo(FitnessLevel.INTERMEDIATE);
    assertThat(p.daysPerWeek()).isEqualTo(3);
    assertThat(p.sessionMinutes()).isEqualTo(60);
    assertThat(p.weeks()).isEqualTo(8);
    assertThat(p.equipment()).contains(Equipment.DUMBBELL, Equipment.BENCH);
    assertThat(p.limitations()).as("only what the call named; the plan service adds the profile's and says so")
        .containsExactly(Limitation.SHOULDER);
    assertThat(((JsonObject) result.result()).find("limitations_respected").orElseThrow())
        .isEqualTo(JsonArray.ofStrings(List.of("knee", "shoulder")));
  }

  @Test
  void givenAProfileInjury_createWorkoutPlanThroughThePlanService_respectsItOnceAndTellsTheUserWhy() {
    TestCoachWorld world = new TestCoachWorld();
    world.coachData.saveProfile(TestCoachDataFactory.profile(ana)); // left knee
    CoachTools real = new CoachTools(world.workoutPlans(), world.nutritionPlans(), fakes.knowledgeUseCase,
        fakes.followUps, LIBRARY, clock);

    ToolResult result = real.run(new ToolCall("call-1", "create_workout_plan", Json.parse(
        "{\"goal\":\"hypertrophy\",\"days_per_week\":3,\"level\":null,\"session_minutes\":null,"
            + "\"weeks\":null,\"equipment\":null,\"limitations\":[\"shoulder\"]}")), outsideAConversation);

    assertThat(result.error()).isFalse();
    JsonObject summary = (JsonObject) result.result();
    assertThat(summary.find("limitations_respected").orElseThrow())
        .isEqualTo(JsonArray.ofStrings(List.of("knee", "shoulder")));
    assertThat(summary.find("notes").orElseThrow().toString()).contains("from your profile").contains("KNEE");
    WorkoutPlan stored = (WorkoutPlan) world.plans.active(ana, PlanKind.WORKOUT).orElseThrow().body();
    assertThat(stored.notes()).anySatisfy(n -> assertThat(n).contains("from your profile").contains("KNEE"));
    for (var week : stored.weeks()) {
      for (var day : week.days()) {
        for (var exercise : day.exercises()) {
          assertThat(LIBRARY.find(exercise.exerciseId()).orElseThrow().contraindications()).as(exercise.name())
              .doesNotContain(Limitation.KNEE, Limitation.SHOULDER);
        }
      }
    }
  }

  @Test
  void givenAProfileAllergy_createNutritionPlanThroughThePlanService_excludesItAndTellsTheUserWhy() {
    TestCoachWorld world = new TestCoachWorld();
    world.coachData.saveProfile(TestCoachDataFactory.profile(ana)); // peanuts
    CoachTools real = new CoachTools(world.workoutPlans(), world.nutritionPlans(), fakes.knowledgeUseCase,
        fakes.followUps, LIBRARY, clock);

    ToolResult result = real.run(new ToolCall("call-1", "create_nutrition_plan", Json.parse(
        "{\"goal\":\"lose_weight\",\"weekly_change_kg\":0.5,\"allergies\":[\"shellfish\"]}")), outsideAConversation);

    assertThat(result.error()).isFalse();
    NutritionPlan stored = (NutritionPlan) world.plans.active(ana, PlanKind.NUTRITION).orElseThrow().body();
    assertThat(stored.excludedAllergens()).contains("shellfish").hasSizeGreaterThan(1);
    assertThat(stored.notes()).anySatisfy(n -> assertThat(n).startsWith("Allergies from your profile were excluded"));
    assertThat(((JsonObject) result.result()).find("notes").orElseThrow().toString())
        .contains("Allergies from your profile were excluded");
  }

  @Test
  void givenAUserIdInTheArguments_run_rejectsItAndTouchesNoOnesData() {
    ToolResult result = run("create_workout_plan", "{\"goal\":\"strength\",\"days_per_week\":3,"
        + "\"user_id\":\"someone-else\"}");

    assertThat(error(result)).contains("user_id").contains("signed-in user");
    assertThat(fakes.workoutCommands).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"goal\":\"strength\"}",
      "{\"goal\":\"flying\",\"days_per_week\":3}",
      "{\"goal\":\"strength\",\"days_per_week\":9}",
      "{\"goal\":\"strength\",\"days_per_week\":2.5}",
      "{\"goal\":\"strength\",\"days_per_week\":\"three\"}",
      "{\"goal\":\"strength\",\"days_per_week\":3,\"colour\":\"red\"}",
      "[1,2,3]",
      "\"{not json\""
  })
  void givenInvalidArguments_createWorkoutPlan_answersAReadableErrorInsteadOfThrowing(String arguments) {
    ToolResult result = run("create_workout_plan", arguments);

    assertThat(error(result)).startsWith("invalid arguments: ");
    assertThat(fakes.workoutCommands).isEmpty();
  }

  @Test
  void givenThePlanValidatorRefuses_createWorkoutPlan_answersTheReasons() {
    fakes.refusePlansWith = Optional.of(List.of("daysPerWeek too high for a beginner"));

    ToolResult result = run("create_workout_plan", "{\"goal\":\"strength\",\"days_per_week\":7}");

    assertThat(error(result)).contains("refused");
    assertThat(((JsonObject) result.result()).find("reasons")).contains(JsonArray.ofStrings(
        List.of("daysPerWeek too high for a beginner")));
  }

  @Test
  void givenAToolThatThrows_run_answersAnErrorAndTheTurnSurvives() {
    CoachTools failing = new CoachTools(fakes.workoutPlans, fakes.nutritionPlans,
        q -> { throw new IllegalStateException("database down"); }, fakes.followUps, LIBRARY, clock);

    ToolResult result = failing.run(new ToolCall("c", "get_user_progress", Json.parse("{\"days\":7}")), invocation);

    assertThat(error(result)).contains("failed unexpectedly").doesNotContain("database");
  }

  @Test
  void givenAnUnknownOrWithheldTool_run_answersAnError() {
    assertThat(error(run("delete_everything", "{}"))).contains("unknown tool");
    ToolResult withheld = tools.run(new ToolCall("c", "create_workout_plan",
        Json.parse("{\"goal\":\"strength\",\"days_per_week\":3}")),
        new ToolInvocation(ana, Optional.empty(), Persona.FITNESS_COACH, false));
    assertThat(error(withheld)).contains("not available");
    ToolResult notForMentor = tools.run(new ToolCall("c", "search_exercises", Json.parse("{}")),
        new ToolInvocation(ana, Optional.empty(), Persona.LEARNING_MENTOR_STUDENT, true));
    assertThat(error(notForMentor)).contains("not available");
  }

  @Test
  void givenAGoalOnly_createNutritionPlan_takesBodyDataFromTheProfileAndLeavesItsAllergiesToThePlanService() {
    ToolResult result = run("create_nutrition_plan", "{\"goal\":\"lose_weight\",\"weekly_change_kg\":0.5,"
        + "\"allergies\":[\"shellfish\"]}");

    assertThat(result.error()).isFalse();
    assertThat(((JsonObject) result.result()).findNumber("target_kcal")).isPresent();
    NutritionPlanParameters p = fakes.nutritionCommands.get(0).parameters().orElseThrow();
    assertThat(p.age()).isEqualTo(36);
    assertThat(p.weightKg()).isEqualTo(64.5);
    assertThat(p.heightCm()).isEqualTo(168.0);
    assertThat(p.allergies()).containsExactly("shellfish");
    assertThat(p.dietaryPreferences()).containsExactly(
        dev.coachkit.ports.model.plan.DietaryPreference.VEGETARIAN);
    assertThat(p.weeklyChangeKg()).hasValue(0.5);
  }

  @Test
  void givenNoProfileAndNoBodyData_createNutritionPlan_tellsTheModelWhatToAsk() {
    fakes.knowledge.put(ana, TestKnowledgeFactory.empty(ana));

    ToolResult result = run("create_nutrition_plan", "{\"goal\":\"maintain_weight\"}");

    assertThat(error(result)).contains("sex", "age", "height_cm", "weight_kg", "activity_level", "ask the user");
    assertThat(fakes.nutritionCommands).isEmpty();
  }

  @Test
  void givenDays_getUserProgress_summarisesThatPeriodOnly() {
    ToolResult week = run("get_user_progress", "{\"days\":7}");
    ToolResult month = run("get_user_progress", "{\"days\":null}");
    ToolResult longer = run("get_user_progress", "{\"days\":30}");

    JsonObject w = (JsonObject) week.result();
    assertThat(((JsonObject) w.find("workouts").get()).findNumber("count").get().intValueExact()).isEqualTo(2);
    assertThat(((JsonObject) ((JsonObject) longer.result()).find("workouts").get()).findNumber("count").get()
        .intValueExact()).isEqualTo(3);
    assertThat(month.result()).isEqualTo(week.result());
    assertThat(((JsonArray) ((JsonObject) longer.result()).find("measurements").get()).size()).isEqualTo(1);
  }

  @Test
  void givenAKneeInjuryInTheProfile_searchExercises_neverReturnsKneeContraindicatedExercises() {
    String query = "{\"text\":null,\"muscle\":\"glutes\",\"equipment\":null,\"level\":null,\"limit\":20}";
    ToolResult result = run("search_exercises", query);
    fakes.knowledge.put(ana, TestKnowledgeFactory.empty(ana));
    JsonArray withoutInjury = (JsonArray) ((JsonObject) run("search_exercises", query).result()).find("exercises")
        .orElseThrow();
    assertThat(withoutInjury.elements()).anySatisfy(e -> assertThat(LIBRARY.find(((JsonObject) e).findString("id")
        .orElseThrow()).orElseThrow().contraindications()).contains(Limitation.KNEE));

    JsonArray found = (JsonArray) ((JsonObject) result.result()).find("exercises").orElseThrow();
    assertThat(found.size()).isPositive();
    for (JsonValue e : found.elements()) {
      String id = ((JsonObject) e).findString("id").orElseThrow();
      assertThat(LIBRARY.find(id).orElseThrow().contraindications()).doesNotContain(Limitation.KNEE);
    }
    assertThat(((JsonObject) result.result()).find("avoided_for")).contains(JsonArray.ofStrings(List.of("knee")));
  }

  @Test
  void givenATopicAndDays_scheduleFollowUp_schedulesItForTheUserFromTheClock() {
    ToolResult result = run("schedule_follow_up", "{\"topic\":\"How did the new plan feel?\",\"in_days\":7}");

    assertThat(result.error()).isFalse();
    assertThat(fakes.followUpCommands).singleElement().satisfies(c -> {
      assertThat(c.userId()).isEqualTo(ana);
      assertThat(c.dueAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
      assertThat(c.sourceConversationId()).contains(conversation);
    });
  }
}
