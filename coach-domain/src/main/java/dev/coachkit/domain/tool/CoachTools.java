package dev.coachkit.domain.tool;

import dev.coachkit.domain.plan.exercise.ExerciseLibrary;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeUseCase;
import dev.coachkit.ports.in.followup.ScheduleFollowUpUseCase;
import dev.coachkit.ports.in.plan.GenerateNutritionPlanUseCase;
import dev.coachkit.ports.in.plan.GenerateWorkoutPlanUseCase;
import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.conversation.ToolResult;
import dev.coachkit.ports.model.json.JsonArray;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.model.ToolSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The coach's tool catalogue: which tools a persona is offered, and running a model's tool call for the
 * authenticated user.
 *
 * <p>The fitness coach gets all five tools; the wellness counsellor {@code get_user_progress} and
 * {@code schedule_follow_up}; the learning mentors {@code schedule_follow_up}. Plan tools are withheld when a turn
 * does not allow them. Running a call never throws: unknown or withheld tools, arguments that are not a JSON
 * object, unknown properties, any user id in the arguments, wrong types or ranges, refusals and unexpected
 * failures all become a result with {@code error = true} and a JSON object with an {@code error} field the model
 * can read.
 */
public final class CoachTools {
  public static final String CREATE_WORKOUT_PLAN = CreateWorkoutPlanTool.NAME;
  public static final String CREATE_NUTRITION_PLAN = CreateNutritionPlanTool.NAME;
  public static final String GET_USER_PROGRESS = GetUserProgressTool.NAME;
  public static final String SEARCH_EXERCISES = SearchExercisesTool.NAME;
  public static final String SCHEDULE_FOLLOW_UP = ScheduleFollowUpTool.NAME;

  private static final Set<String> COUNSELLOR_TOOLS = Set.of(GET_USER_PROGRESS, SCHEDULE_FOLLOW_UP);
  private static final Set<String> MENTOR_TOOLS = Set.of(SCHEDULE_FOLLOW_UP);

  private final Map<String, CoachTool> tools = new LinkedHashMap<>();

  public CoachTools(
      GenerateWorkoutPlanUseCase workoutPlans,
      GenerateNutritionPlanUseCase nutritionPlans,
      GetCoachKnowledgeUseCase knowledge,
      ScheduleFollowUpUseCase followUps,
      ExerciseLibrary exercises,
      Clock clock) {
    Objects.requireNonNull(workoutPlans, "workoutPlans must not be null");
    Objects.requireNonNull(nutritionPlans, "nutritionPlans must not be null");
    Objects.requireNonNull(knowledge, "knowledge must not be null");
    Objects.requireNonNull(followUps, "followUps must not be null");
    Objects.requireNonNull(exercises, "exercises must not be null");
    Objects.requireNonNull(clock, "clock must not be null");
    add(new CreateWorkoutPlanTool(workoutPlans, knowledge));
    add(new CreateNutritionPlanTool(nutritionPlans, knowledge));
    add(new GetUserProgressTool(knowledge));
    add(new SearchExercisesTool(exercises, knowledge));
    add(new ScheduleFollowUpTool(followUps, clock));
  }

  private void add(CoachTool tool) {
    tools.put(tool.spec().name(), tool);
  }

  /** The tools offered to this persona, without plan tools unless they are allowed. */
  public List<ToolSpec> specsFor(Persona persona, boolean planToolsAllowed) {
    Objects.requireNonNull(persona, "persona must not be null");
    List<ToolSpec> specs = new ArrayList<>();
    for (CoachTool tool : tools.values()) {
      if (offered(tool, persona, planToolsAllowed)) {
        specs.add(tool.spec());
      }
    }
    return specs;
  }

  /** Whether the named tool creates a plan. */
  public boolean createsPlan(String toolName) {
    CoachTool tool = tools.get(toolName);
    return tool != null && tool.createsPlan();
  }

  /** Runs one tool call for the invocation's user; every failure is a readable error result, never an exception. */
  public ToolResult run(ToolCall call, ToolInvocation invocation) {
    Objects.requireNonNull(call, "call must not be null");
    Objects.requireNonNull(invocation, "invocation must not be null");
    CoachTool tool = tools.get(call.name());
    if (tool == null) {
      return error(call, "unknown tool '" + call.name() + "'", List.of());
    }
    if (!offered(tool, invocation.persona(), invocation.planToolsAllowed())) {
      return error(call, "tool '" + call.name() + "' is not available in this conversation right now", List.of());
    }
    try {
      ToolArguments arguments = ToolArguments.of(call.arguments(), tool.spec().parametersSchema());
      return new ToolResult(call.callId(), call.name(), tool.run(arguments, invocation), false);
    } catch (ToolArgumentException e) {
      return error(call, "invalid arguments: " + e.getMessage(), List.of());
    } catch (ToolRefusalException e) {
      return error(call, e.getMessage(), e.reasons());
    } catch (RuntimeException e) {
      // The turn must survive a failing tool; the model is told it failed, not why (that may be internal).
      return error(call, "the tool failed unexpectedly; tell the user it did not work and suggest trying later",
          List.of());
    }
  }

  private static boolean offered(CoachTool tool, Persona persona, boolean planToolsAllowed) {
    if (tool.createsPlan() && !planToolsAllowed) {
      return false;
    }
    String name = tool.spec().name();
    switch (persona) {
      case FITNESS_COACH:
        return true;
      case WELLNESS_COUNSELLOR:
        return COUNSELLOR_TOOLS.contains(name);
      default:
        return MENTOR_TOOLS.contains(name);
    }
  }

  private static ToolResult error(ToolCall call, String message, List<String> reasons) {
    JsonObject.Builder body = JsonObject.builder().put("error", message);
    if (!reasons.isEmpty()) {
      body.put("reasons", JsonArray.ofStrings(reasons));
    }
    return new ToolResult(call.callId(), call.name(), body.build(), true);
  }

  /** The tool spec with this name, if the catalogue has it. */
  public Optional<ToolSpec> spec(String name) {
    return Optional.ofNullable(tools.get(name)).map(CoachTool::spec);
  }
}
