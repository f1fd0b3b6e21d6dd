package dev.coachkit.domain.plan;

import dev.coachkit.domain.coaching.CoachFacts;
import dev.coachkit.domain.coaching.StructuredAnswers;
import dev.coachkit.ports.in.plan.GenerateNutritionPlanUseCase;
import dev.coachkit.ports.model.coaching.CheckInSummary;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.coaching.ProgressMeasurement;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.plan.NutritionPlan;
import dev.coachkit.ports.model.plan.NutritionPlanParameters;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.PlanKind;
import dev.coachkit.ports.model.plan.PlanOutcome;
import dev.coachkit.ports.model.plan.PlanRefusal;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.out.conversation.ConversationStore;
import dev.coachkit.ports.out.plan.PlanStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Generates and stores a new version of a user's nutrition plan, from explicit parameters (with the profile's
 * allergies added) or from a conversation (the model extracts the parameters, strict JSON, with the latest
 * check-in in view; body data missing from both the conversation and the profile is a refusal saying what to add).
 */
public final class GenerateNutritionPlanService implements GenerateNutritionPlanUseCase {
  /** How far back the newest weight measurement is looked for. */
  static final Duration WEIGHT_LOOKBACK = Duration.ofDays(365);

  private final PlanGeneration generation;
  private final NutritionPlanner planner;

  public GenerateNutritionPlanService(CoachDataStore coachData, ConversationStore conversations, PlanStore plans,
      StructuredAnswers answers, NutritionPlanner planner, IdGenerator ids, Clock clock, PlanGenerationSettings settings) {
    this.generation = new PlanGeneration(coachData, conversations, plans, answers, ids, clock,
        settings);
    this.planner = Objects.requireNonNull(planner, "planner must not be null");
  }

  @Override
  public PlanOutcome generate(GenerateNutritionPlanCommand command) {
    UserId user = command.userId();
    Optional<ConversationId> source = command.sourceConversationId();
    if (source.isPresent() && !generation.owns(user, source.get())) {
      return PlanGeneration.refused(RefusalReason.NOT_FOUND, "conversation not found");
    }
    Optional<CoachProfile> profile = generation.coachData.findProfile(user);
    if (command.parameters().isPresent()) {
      List<String> notes = new ArrayList<>();
      NutritionPlanParameters parameters =
          NutritionParameterDraft.completeExplicit(command.parameters().get(), profile, notes);
      return plan(user, source, parameters, notes);
    }
    String transcript = generation.transcript(user, source.get());
    if (transcript.isBlank()) {
      return PlanGeneration.refused(RefusalReason.INVALID_REQUEST,
          "the conversation has nothing to plan from yet; say what you would like to achieve");
    }
    return fromModel(user, profile, generation.coachData.latestCheckIn(user), Optional.of(transcript), source);
  }

  /**
   * Writes a new version of the user's nutrition plan from a check-in summary (the weekly check-in); refused when
   * the user has no nutrition plan.
   */
  public PlanOutcome regenerate(UserId user, CheckInSummary summary) {
    if (generation.plans.active(user, PlanKind.NUTRITION).isEmpty()) {
      return PlanGeneration.refused(RefusalReason.NOT_FOUND, "no nutrition plan to regenerate");
    }
    return fromModel(user, generation.coachData.findProfile(user), Optional.of(summary), Optional.empty(),
        Optional.empty());
  }

  private PlanOutcome fromModel(UserId user, Optional<CoachProfile> profile, Optional<CheckInSummary> checkIn,
      Optional<String> transcript, Optional<ConversationId> source) {
    Optional<Plan> active = generation.plans.active(user, PlanKind.NUTRITION);
    String input = generation.input(profile, active, active.map(NutritionParameterDraft::describe).orElse(""),
        checkIn, transcript);
    StructuredAnswers.Result result =
        generation.ask(user, source, NutritionParameterDraft.INSTRUCTIONS, input, NutritionParameterDraft.schema());
    if (result instanceof StructuredAnswers.Failed failed) {
      return PlanGeneration.refused(failed);
    }
    NutritionParameterDraft.Read read = NutritionParameterDraft.read(((StructuredAnswers.Answered) result).answer());
    if (!read.problems().isEmpty()) {
      return PlanGeneration.unusableAnswer(read.problems());
    }
    Instant now = generation.clock.instant();
    List<ProgressMeasurement> measurements =
        generation.coachData.measurements(user, now.minus(WEIGHT_LOOKBACK), now.plusSeconds(1));
    NutritionParameterDraft.Completed completed =
        read.draft().complete(profile, active, measurements, generation.clock);
    if (completed.parameters().isEmpty()) {
      return new PlanOutcome.Refused(new PlanRefusal(completed.missing()));
    }
    List<String> notes = new ArrayList<>(completed.notes());
    checkIn.ifPresent(c -> notes.add(CoachFacts.planNote(c)));
    return plan(user, source, completed.parameters().get(), notes);
  }

  private PlanOutcome plan(UserId user, Optional<ConversationId> source, NutritionPlanParameters parameters,
      List<String> notes) {
    PlanningResult<NutritionPlan> result = planner.plan(parameters);
    if (result instanceof PlanningResult.Refused<NutritionPlan> refused) {
      return new PlanOutcome.Refused(refused.refusal());
    }
    NutritionPlan body = PlanGeneration.withNotes(((PlanningResult.Planned<NutritionPlan>) result).body(), notes);
    return generation.store(user, source, body);
  }
}
