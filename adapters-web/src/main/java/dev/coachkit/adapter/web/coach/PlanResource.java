package dev.coachkit.adapter.web.coach;

import dev.coachkit.adapter.web.problem.ProblemException;
import dev.coachkit.ports.in.plan.GenerateNutritionPlanUseCase;
import dev.coachkit.ports.in.plan.GenerateNutritionPlanUseCase.GenerateNutritionPlanCommand;
import dev.coachkit.ports.in.plan.GenerateWorkoutPlanUseCase;
import dev.coachkit.ports.in.plan.GenerateWorkoutPlanUseCase.GenerateWorkoutPlanCommand;
import dev.coachkit.ports.in.plan.GetPlanUseCase;
import dev.coachkit.ports.in.plan.ListPlansUseCase;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.PlanId;
import dev.coachkit.ports.model.plan.NutritionPlanParameters;
import dev.coachkit.ports.model.plan.PlanKind;
import dev.coachkit.ports.model.plan.PlanOutcome;
import dev.coachkit.ports.model.plan.PlanRefusal;
import dev.coachkit.ports.model.plan.WorkoutPlanParameters;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Workout and nutrition plans: generate a new version, list every version, read one. */
@Path("/api/coach/plans")
@Tag(name = "plans")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
class PlanResource {

  private final GenerateWorkoutPlanUseCase workoutPlans;
  private final GenerateNutritionPlanUseCase nutritionPlans;
  private final ListPlansUseCase plans;
  private final GetPlanUseCase plan;
  private final CallerIds caller;
  private final CoachWebMapper mapper;

  @Inject
  PlanResource(GenerateWorkoutPlanUseCase workoutPlans, GenerateNutritionPlanUseCase nutritionPlans,
      ListPlansUseCase plans, GetPlanUseCase plan, CallerIds caller, CoachWebMapper mapper) {
    this.workoutPlans = workoutPlans;
    this.nutritionPlans = nutritionPlans;
    this.plans = plans;
    this.plan = plan;
    this.caller = caller;
    this.mapper = mapper;
  }

  @POST
  @Path("/workout/generate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Generate a new version of the workout plan, from a conversation or explicit parameters",
      description = "From a conversation the model extracts the parameters: 503 when no model is configured, 429"
          + " over budget. Parameters the safety rules reject answer 422 with the reasons.")
  @APIResponse(responseCode = "201", description = "Generated and stored",
      content = @Content(schema = @Schema(implementation = PlanResponse.class)))
  public Response generateWorkout(@Valid @NotNull WorkoutPlanRequest request) {
    Optional<WorkoutPlanParameters> parameters = Optional.ofNullable(request.parameters())
        .map(p -> new WorkoutPlanParameters(p.goal(), p.level(), p.daysPerWeek(), p.sessionMinutes(), p.weeks(),
            p.equipment() == null ? Set.of() : p.equipment(), p.limitations() == null ? Set.of() : p.limitations()));
    return outcome(workoutPlans.generate(new GenerateWorkoutPlanCommand(caller.user(), parameters,
        Optional.ofNullable(request.conversationId()).map(ConversationId::of))));
  }

  @POST
  @Path("/nutrition/generate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Generate a new version of the nutrition plan, from a conversation or explicit parameters",
      description = "From a conversation the model extracts the parameters: 503 when no model is configured, 429"
          + " over budget. Parameters the safety rules reject answer 422 with the reasons.")
  @APIResponse(responseCode = "201", description = "Generated and stored",
      content = @Content(schema = @Schema(implementation = PlanResponse.class)))
  public Response generateNutrition(@Valid @NotNull NutritionPlanRequest request) {
    Optional<NutritionPlanParameters> parameters = Optional.ofNullable(request.parameters())
        .map(p -> new NutritionPlanParameters(p.sex(), p.age(), p.heightCm(), p.weightKg(), p.activityLevel(),
            p.goal(), p.weeklyChangeKg() == null ? OptionalDouble.empty() : OptionalDouble.of(p.weeklyChangeKg()),
            p.mealsPerDay(), p.dietaryPreferences() == null ? Set.of() : p.dietaryPreferences(),
            p.allergies() == null ? Set.of() : p.allergies()));
    return outcome(nutritionPlans.generate(new GenerateNutritionPlanCommand(caller.user(), parameters,
        Optional.ofNullable(request.conversationId()).map(ConversationId::of))));
  }

  @GET
  @Operation(summary = "The user's plans, every version, newest first")
  public List<PlanResponse> list(@QueryParam("kind") PlanKind kind) {
    return mapper.plans(plans.list(new ListPlansUseCase.ListPlansQuery(caller.user(), Optional.ofNullable(kind))));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One plan version")
  public PlanResponse get(@PathParam("id") String id) {
    PlanId planId = CallerIds.pathId(id, PlanId::of, "plan");
    return plan.get(new GetPlanUseCase.GetPlanQuery(caller.user(), planId))
        .map(mapper::toResponse)
        .orElseThrow(() -> ProblemException.notFound("plan"));
  }

  private Response outcome(PlanOutcome outcome) {
    if (outcome instanceof PlanOutcome.Refused) {
      PlanRefusal refusal = ((PlanOutcome.Refused) outcome).refusal();
      throw ProblemException.of(refusal.kind(), String.join("; ", refusal.reasons()), refusal.retryAfter());
    }
    return CoachDataResource.created(mapper.toResponse(((PlanOutcome.Generated) outcome).plan()));
  }
}
