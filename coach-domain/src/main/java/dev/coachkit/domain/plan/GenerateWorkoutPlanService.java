package dev.coachkit.domain.plan;

import dev.coachkit.domain.coaching.CoachFacts;
import dev.coachkit.domain.coaching.StructuredAnswers;
import dev.coachkit.ports.in.plan.GenerateWorkoutPlanUseCase;
import dev.coachkit.ports.model.coaching.CheckInSummary;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.plan.PlanKind;
import dev.coachkit.ports.model.plan.PlanOutcome;
import dev.coachkit.ports.model.plan.WorkoutPlan;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.out.conversation.ConversationStore;
import dev.coachkit.ports.out.plan.PlanStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Generates and stores a new version of a user's workout plan, from explicit parameters (with the profile's
 * limitations added) or from a conversation (the model extracts the parameters, strict JSON, with the latest
 * check-in in view). Anything that stops a plan is a refusal value; nothing is stored then.
 */
public final class GenerateWorkoutPlanService implements GenerateWorkoutPlanUseCase {
  private final PlanGeneration generation;
  private final WorkoutPlanner planner;

  public GenerateWorkoutPlanService(CoachDataStore coachData, ConversationStore conversations, PlanStore plans,
      StructuredAnswers answers, WorkoutPlanner planner, IdGenerator ids, Clock clock, PlanGenerationSettings settings) {
    this.generation = new PlanGeneration(coachData, conversations, plans, answers, ids, clock,
        settings);
    this.planner = Objects.requireNonNull(planner, "planner must not be null");
  }

  @Override
  public PlanOutcome generate(GenerateWorkoutPlanCommand command) {
    UserId user = command.userId();
    Optional<ConversationId> source = command.sourceConversationId();
    return generation.generate(user, source, command.parameters().isPresent(),
        "say what you would like to train for",
        profile -> plan(user, source,
            WorkoutParameterDraft.completeExplicit(command.parameters().orElseThrow(), profile), List.of()),
        (profile, checkIn, transcript) -> fromModel(user, profile, checkIn, transcript, source));
  }

  /**
   * Writes a new version of the user's workout plan from a check-in summary (the weekly check-in), keeping the
   * current plan's values unless the summary suggests a change; refused when the user has no workout plan.
   */
  public PlanOutcome regenerate(UserId user, CheckInSummary summary) {
    return generation.regenerate(user, PlanKind.WORKOUT, summary,
        (profile, checkIn, transcript) -> fromModel(user, profile, checkIn, transcript, Optional.empty()));
  }

  private PlanOutcome fromModel(UserId user, Optional<CoachProfile> profile, Optional<CheckInSummary> checkIn,
      Optional<String> transcript, Optional<ConversationId> source) {
    PlanGeneration.Extraction extraction = generation.extract(user, source, PlanKind.WORKOUT,
        WorkoutParameterDraft.INSTRUCTIONS, WorkoutParameterDraft.schema(), WorkoutParameterDraft::describe, profile,
        checkIn, transcript);
    if (extraction instanceof PlanGeneration.Extraction.Stopped stopped) {
      return stopped.refusal();
    }
    PlanGeneration.Extraction.Answered answered = (PlanGeneration.Extraction.Answered) extraction;
    WorkoutParameterDraft.Read read = WorkoutParameterDraft.read(answered.answer());
    if (!read.problems().isEmpty()) {
      return PlanGeneration.unusableAnswer(read.problems());
    }
    List<String> extraNotes = new ArrayList<>();
    checkIn.ifPresent(c -> extraNotes.add(CoachFacts.planNote(c)));
    return plan(user, source, read.draft().complete(profile, answered.active()), extraNotes);
  }

  private PlanOutcome plan(UserId user, Optional<ConversationId> source, WorkoutParameterDraft.Completed completed,
      List<String> extraNotes) {
    PlanningResult<WorkoutPlan> result = planner.plan(completed.parameters());
    if (result instanceof PlanningResult.Refused<WorkoutPlan> refused) {
      return new PlanOutcome.Refused(refused.refusal());
    }
    List<String> notes = new ArrayList<>(completed.notes());
    notes.addAll(extraNotes);
    WorkoutPlan body = PlanGeneration.withNotes(((PlanningResult.Planned<WorkoutPlan>) result).body(), notes);
    return generation.store(user, source, body);
  }
}
