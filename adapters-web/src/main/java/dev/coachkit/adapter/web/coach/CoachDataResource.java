package dev.coachkit.adapter.web.coach;

import dev.coachkit.adapter.web.problem.ProblemException;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeQuery;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeUseCase;
import dev.coachkit.ports.in.coaching.RecordNutritionDayCommand;
import dev.coachkit.ports.in.coaching.RecordNutritionDayUseCase;
import dev.coachkit.ports.in.coaching.RecordProgressCommand;
import dev.coachkit.ports.in.coaching.RecordProgressUseCase;
import dev.coachkit.ports.in.coaching.RecordWorkoutCommand;
import dev.coachkit.ports.in.coaching.RecordWorkoutUseCase;
import dev.coachkit.ports.in.coaching.SetGoalCommand;
import dev.coachkit.ports.in.coaching.SetGoalResult;
import dev.coachkit.ports.in.coaching.SetGoalUseCase;
import dev.coachkit.ports.in.coaching.UpsertCoachProfileCommand;
import dev.coachkit.ports.in.coaching.UpsertCoachProfileUseCase;
import dev.coachkit.ports.model.coaching.GoalStatus;
import dev.coachkit.ports.model.coaching.LoggedExercise;
import dev.coachkit.ports.model.common.GoalId;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the user tells the coach about themselves: profile, workouts, nutrition, progress, goals; and the result. */
@Path("/api/coach")
@Tag(name = "coach data")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
class CoachDataResource {

  private final UpsertCoachProfileUseCase profiles;
  private final RecordWorkoutUseCase workouts;
  private final RecordNutritionDayUseCase nutrition;
  private final RecordProgressUseCase progress;
  private final SetGoalUseCase goals;
  private final GetCoachKnowledgeUseCase knowledge;
  private final CallerIds caller;
  private final CoachWebMapper mapper;

  @Inject
  CoachDataResource(UpsertCoachProfileUseCase profiles, RecordWorkoutUseCase workouts,
      RecordNutritionDayUseCase nutrition, RecordProgressUseCase progress, SetGoalUseCase goals,
      GetCoachKnowledgeUseCase knowledge, CallerIds caller, CoachWebMapper mapper) {
    this.profiles = profiles;
    this.workouts = workouts;
    this.nutrition = nutrition;
    this.progress = progress;
    this.goals = goals;
    this.knowledge = knowledge;
    this.caller = caller;
    this.mapper = mapper;
  }

  @PUT
  @Path("/profile")
  @Operation(summary = "Create or replace the coach profile")
  public ProfileResponse profile(@Valid @NotNull ProfileRequest request) {
    return mapper.toResponse(profiles.upsert(new UpsertCoachProfileCommand(caller.user(),
        Optional.ofNullable(request.name()), Optional.ofNullable(request.age()),
        Optional.ofNullable(request.birthYear()), Optional.ofNullable(request.sex()),
        Optional.ofNullable(request.heightCm()), Optional.ofNullable(request.weightKg()),
        Optional.ofNullable(request.fitnessLevel()), Optional.ofNullable(request.activityLevel()),
        orEmpty(request.injuries()), orEmpty(request.equipment()), orEmpty(request.dietaryPreferences()),
        orEmpty(request.allergies()), Optional.ofNullable(request.language()).map(Locale::forLanguageTag),
        Optional.ofNullable(request.persona()), Optional.ofNullable(request.preferredMode()),
        Optional.ofNullable(request.preferredVoice()), Boolean.TRUE.equals(request.weeklyCheckInOptIn()))));
  }

  @POST
  @Path("/workouts")
  @Operation(summary = "Record a workout the user did")
  @APIResponse(responseCode = "201", description = "Recorded",
      content = @Content(schema = @Schema(implementation = WorkoutResponse.class)))
  public Response workout(@Valid @NotNull WorkoutRequest request) {
    List<LoggedExercise> exercises = orEmpty(request.exercises()).stream()
        .map(e -> new LoggedExercise(e.name(), e.sets(), e.reps(), Optional.ofNullable(e.weightKg())))
        .toList();
    return created(mapper.toResponse(workouts.record(new RecordWorkoutCommand(caller.user(), request.date(),
        request.activity(), request.durationMinutes(), Optional.ofNullable(request.perceivedExertion()), exercises,
        Optional.ofNullable(request.notes())))));
  }

  @POST
  @Path("/nutrition")
  @Operation(summary = "Record (or replace) the user's nutrition for a day")
  @APIResponse(responseCode = "201", description = "Recorded",
      content = @Content(schema = @Schema(implementation = NutritionResponse.class)))
  public Response nutrition(@Valid @NotNull NutritionRequest request) {
    return created(mapper.toResponse(nutrition.record(new RecordNutritionDayCommand(caller.user(), request.date(),
        request.calories(), request.proteinG(), request.carbsG(), request.fatG(), request.adherencePercent(),
        Optional.ofNullable(request.notes())))));
  }

  @POST
  @Path("/progress")
  @Operation(summary = "Record a progress measurement")
  @APIResponse(responseCode = "201", description = "Recorded",
      content = @Content(schema = @Schema(implementation = ProgressResponse.class)))
  public Response progress(@Valid @NotNull ProgressRequest request) {
    return created(mapper.toResponse(progress.record(new RecordProgressCommand(caller.user(), request.metric(),
        request.value(), request.unit(), Optional.ofNullable(request.measuredAt())))));
  }

  @POST
  @Path("/goals")
  @Operation(summary = "Set a new goal, or change one (goalId)")
  @APIResponse(responseCode = "201", description = "Saved",
      content = @Content(schema = @Schema(implementation = GoalResponse.class)))
  public Response goal(@Valid @NotNull GoalRequest request) {
    SetGoalResult result = goals.set(new SetGoalCommand(caller.user(),
        Optional.ofNullable(request.goalId()).map(GoalId::of), request.description(),
        Optional.ofNullable(request.metric()), Optional.ofNullable(request.targetValue()),
        Optional.ofNullable(request.unit()), Optional.ofNullable(request.targetDate()),
        Optional.ofNullable(request.status()).orElse(GoalStatus.ACTIVE)));
    if (result instanceof SetGoalResult.Refused) {
      throw ProblemException.of(((SetGoalResult.Refused) result).refusal());
    }
    return created(mapper.toResponse(((SetGoalResult.Saved) result).goal()));
  }

  @GET
  @Path("/context")
  @Operation(summary = "What the coach knows about the user (what goes into its instructions)")
  public ContextResponse context() {
    return mapper.toResponse(knowledge.get(new GetCoachKnowledgeQuery(caller.user())));
  }

  static Response created(Object body) {
    return Response.status(Response.Status.CREATED).entity(body).type(MediaType.APPLICATION_JSON).build();
  }

  private static <T> List<T> orEmpty(List<T> values) {
    return values == null ? List.of() : values;
  }
}
