package dev.coachkit.domain.tool;

import dev.coachkit.domain.plan.ProfileNormaliser;
import static dev.coachkit.domain.tool.Schemas.enumArray;
import static dev.coachkit.domain.tool.Schemas.enumeration;
import static dev.coachkit.domain.tool.Schemas.integer;
import static dev.coachkit.domain.tool.Schemas.object;
import static dev.coachkit.domain.tool.Schemas.prop;

import dev.coachkit.ports.in.coaching.GetCoachKnowledgeQuery;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeUseCase;
import dev.coachkit.ports.in.plan.GenerateWorkoutPlanUseCase;
import dev.coachkit.ports.in.plan.GenerateWorkoutPlanUseCase.GenerateWorkoutPlanCommand;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.json.JsonArray;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.json.JsonString;
import dev.coachkit.ports.model.json.JsonValue;
import dev.coachkit.ports.model.model.ToolSpec;
import dev.coachkit.ports.model.plan.Equipment;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.plan.Limitation;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.PlanOutcome;
import dev.coachkit.ports.model.plan.PrescribedExercise;
import dev.coachkit.ports.model.plan.TrainingGoal;
import dev.coachkit.ports.model.plan.WorkoutDay;
import dev.coachkit.ports.model.plan.WorkoutPlan;
import dev.coachkit.ports.model.plan.WorkoutPlanParameters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code create_workout_plan}: generates and stores a workout plan. Left-out parameters come from the profile
 * (level, equipment) or defaults (60-minute sessions, 8 weeks). The command carries only the limitations the user
 * named in the call: the plan service always adds the profile's injuries and notes in the plan that it did, so a
 * plan never ignores one and the user is told why.
 */
final class CreateWorkoutPlanTool implements CoachTool {
  static final String NAME = "create_workout_plan";
  static final int DEFAULT_SESSION_MINUTES = 60;
  static final int DEFAULT_WEEKS = 8;

  private final GenerateWorkoutPlanUseCase plans;
  private final GetCoachKnowledgeUseCase knowledge;
  private final ToolSpec spec = new ToolSpec(NAME,
      "Create and save a personalised workout plan for the user. Use it when the user asks for a training plan"
          + " or routine and you know their goal and how many days a week they can train. Pass null for what the"
          + " user has not said; their profile fills it in.",
      object(
          prop("goal", enumeration("What the plan trains for", TrainingGoal.values(), false)),
          prop("days_per_week", integer("Training sessions per week", 1, 7, false)),
          prop("level", enumeration("Training experience; null to use the profile", FitnessLevel.values(), true)),
          prop("session_minutes", integer("Minutes per session; null for 60", 20, 180, true)),
          prop("weeks", integer("Length of the plan in weeks; null for 8", 1, 16, true)),
          prop("equipment", enumArray("Available equipment; null to use the profile", Equipment.values(), true)),
          prop("limitations", enumArray("Injuries or conditions to respect, besides those in the profile",
              Limitation.values(), true))));

  CreateWorkoutPlanTool(GenerateWorkoutPlanUseCase plans, GetCoachKnowledgeUseCase knowledge) {
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
    TrainingGoal goal = args.requiredEnum("goal", TrainingGoal.class);
    int days = args.requiredInt("days_per_week", 1, 7);
    Optional<FitnessLevel> level = args.optionalEnum("level", FitnessLevel.class);
    int minutes = args.optionalInt("session_minutes", 20, 180).orElse(DEFAULT_SESSION_MINUTES);
    int weeks = args.optionalInt("weeks", 1, 16).orElse(DEFAULT_WEEKS);
    Optional<Set<Equipment>> equipment = args.optionalEnumSet("equipment", Equipment.class);
    Set<Limitation> named = args.optionalEnumSet("limitations", Limitation.class).orElse(Set.of());

    Optional<CoachProfile> profile = knowledge.get(new GetCoachKnowledgeQuery(invocation.userId())).profile();
    Set<Limitation> respected = EnumSet.noneOf(Limitation.class);
    respected.addAll(named);
    profile.ifPresent(p -> respected.addAll(ProfileNormaliser.limitations(p.injuries()).values()));
    FitnessLevel chosenLevel = level.or(() -> profile.flatMap(CoachProfile::fitnessLevel))
        .orElse(FitnessLevel.BEGINNER);
    Set<Equipment> chosenEquipment = equipment
        .or(() -> profile.map(p -> ProfileNormaliser.equipment(p.equipment()).values()))
        .orElse(Set.of(Equipment.BODYWEIGHT));

    WorkoutPlanParameters parameters = new WorkoutPlanParameters(goal, chosenLevel, days, minutes, weeks,
        chosenEquipment, named);
    PlanOutcome outcome = plans.generate(new GenerateWorkoutPlanCommand(invocation.userId(),
        Optional.of(parameters), invocation.conversationId()));
    if (outcome instanceof PlanOutcome.Refused) {
      throw new ToolRefusalException("the workout plan was refused", ((PlanOutcome.Refused) outcome).reasons());
    }
    return summary(((PlanOutcome.Generated) outcome).plan(), respected);
  }

  private static JsonObject summary(Plan plan, Set<Limitation> limitations) {
    WorkoutPlan w = (WorkoutPlan) plan.body();
    List<JsonValue> firstWeek = new ArrayList<>();
    for (WorkoutDay day : w.weeks().get(0).days()) {
      List<String> names = new ArrayList<>();
      for (PrescribedExercise e : day.exercises()) {
        names.add(e.name());
      }
      firstWeek.add(JsonObject.builder().put("day", day.dayNumber()).put("focus", Schemas.wire(day.focus()))
          .put("exercises", JsonArray.ofStrings(names)).build());
    }
    List<JsonValue> respected = new ArrayList<>();
    limitations.forEach(l -> respected.add(new JsonString(Schemas.wire(l))));
    return JsonObject.builder()
        .put("plan_id", plan.id().toString())
        .put("kind", "workout")
        .put("version", plan.version())
        .put("goal", Schemas.wire(w.goal()))
        .put("level", Schemas.wire(w.level()))
        .put("split", Schemas.wire(w.split()))
        .put("days_per_week", w.daysPerWeek())
        .put("session_minutes", w.sessionMinutes())
        .put("weeks", w.weeks().size())
        .put("limitations_respected", new JsonArray(respected))
        .put("first_week", new JsonArray(firstWeek))
        .put("notes", JsonArray.ofStrings(w.notes()))
        .build();
  }
}
