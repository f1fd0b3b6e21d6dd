package dev.coachkit.domain.plan;

import dev.coachkit.domain.coaching.CoachFacts;
import dev.coachkit.domain.coaching.StructuredAnswers;
import dev.coachkit.ports.in.plan.GenerateNutritionPlanUseCase;
import dev.coachkit.ports.model.coaching.CheckInSummary;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.coaching.ProgressMeasurement;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.plan.NutritionPlan;
import dev.coachkit.ports.model.plan.NutritionPlanParameters;
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
    return generation.generate(user, source, command.parameters().isPresent(),
        "say what you would like to achieve",
        profile -> {
          List<String> notes = new ArrayList<>();
          NutritionPlanParameters parameters =
              NutritionParameterDraft.completeExplicit(command.parameters().orElseThrow(), profile, notes);
          return plan(user, source, parameters, notes);
        },
        (profile, checkIn, transcript) -> fromModel(user, profile, checkIn, transcript, source));
  }

  /**
   * Writes a new version of the user's nutrition plan from a check-in summary (the weekly check-in); refused when
   * the user has no nutrition plan.
   */
  public PlanOutcome regenerate(UserId user, CheckInSummary summary) {
    return generation.regenerate(user, PlanKind.NUTRITION, summary,
        (profile, checkIn, transcript) -> fromModel(user, profile, checkIn, transcript, Optional.empty()));
  }

  private PlanOutcome fromModel(UserId user, Optional<CoachProfile> profile, Optional<CheckInSummary> checkIn,
      Optional<String> transcript, Optional<ConversationId> source) {
    PlanGeneration.Extraction extraction = generation.extract(user, source, PlanKind.NUTRITION,
        NutritionParameterDraft.INSTRUCTIONS, NutritionParameterDraft.schema(), NutritionParameterDraft::describe,
        profile, checkIn, transcript);
    if (extraction instanceof PlanGeneration.Extraction.Stopped stopped) {
      return stopped.refusal();
    }
    PlanGeneration.Extraction.Answered answered = (PlanGeneration.Extraction.Answered) extraction;
    NutritionParameterDraft.Read read = NutritionParameterDraft.read(answered.answer());
    if (!read.problems().isEmpty()) {
      return PlanGeneration.unusableAnswer(read.problems());
    }
    Instant now = generation.clock.instant();
    List<ProgressMeasurement> measurements =
        generation.coachData.measurements(user, now.minus(WEIGHT_LOOKBACK), now.plusSeconds(1));
    NutritionParameterDraft.Completed completed =
        read.draft().complete(profile, answered.active(), measurements, generation.clock);
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
