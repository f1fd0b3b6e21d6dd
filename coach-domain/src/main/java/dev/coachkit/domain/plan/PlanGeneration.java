package dev.coachkit.domain.plan;

import dev.coachkit.domain.coaching.CoachFacts;
import dev.coachkit.domain.coaching.ConversationTranscript;
import dev.coachkit.domain.coaching.StructuredAnswers;
import dev.coachkit.ports.model.coaching.CheckInSummary;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.PlanId;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.model.ResponseSchema;
import dev.coachkit.ports.model.plan.NewPlan;
import dev.coachkit.ports.model.plan.NutritionPlan;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.PlanBody;
import dev.coachkit.ports.model.plan.PlanKind;
import dev.coachkit.ports.model.plan.PlanOutcome;
import dev.coachkit.ports.model.plan.PlanRefusal;
import dev.coachkit.ports.model.plan.WorkoutPlan;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.out.conversation.ConversationStore;
import dev.coachkit.ports.out.plan.PlanStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** What the two plan services share: reading the source conversation, asking the model, storing a version. */
final class PlanGeneration {
  final CoachDataStore coachData;
  final ConversationStore conversations;
  final PlanStore plans;
  final StructuredAnswers answers;
  final IdGenerator ids;
  final Clock clock;
  final PlanGenerationSettings settings;

  PlanGeneration(CoachDataStore coachData, ConversationStore conversations, PlanStore plans, StructuredAnswers answers,
      IdGenerator ids, Clock clock, PlanGenerationSettings settings) {
    this.coachData = Objects.requireNonNull(coachData, "coachData must not be null");
    this.conversations = Objects.requireNonNull(conversations, "conversations must not be null");
    this.plans = Objects.requireNonNull(plans, "plans must not be null");
    this.answers = Objects.requireNonNull(answers, "answers must not be null");
    this.ids = Objects.requireNonNull(ids, "ids must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
  }

  static PlanOutcome refused(RefusalReason kind, String reason) {
    return new PlanOutcome.Refused(PlanRefusal.of(kind, reason));
  }

  static PlanOutcome refused(StructuredAnswers.Failed failed) {
    return new PlanOutcome.Refused(new PlanRefusal(List.of(failed.message()), failed.kind(), failed.retryAfter()));
  }

  /** A refusal for an answer that parsed as JSON but broke the schema; nothing is planned from it. */
  static PlanOutcome unusableAnswer(List<String> problems) {
    List<String> reasons = new ArrayList<>();
    for (String problem : problems) {
      reasons.add("the model's answer could not be used: " + problem);
    }
    return new PlanOutcome.Refused(new PlanRefusal(reasons, RefusalReason.MODEL_UNAVAILABLE, Optional.empty()));
  }

  /** Plans from parameters the caller completed with the user's profile. */
  interface FromParameters {
    PlanOutcome plan(Optional<CoachProfile> profile);
  }

  /** Plans from what the model extracts, given the profile, the latest check-in and a transcript when known. */
  interface FromModel {
    PlanOutcome plan(Optional<CoachProfile> profile, Optional<CheckInSummary> checkIn, Optional<String> transcript);
  }

  /**
   * The flow both services share: a source conversation must be the user's; explicit parameters are planned at
   * once; otherwise the conversation must have something to plan from, and the model extracts the parameters.
   */
  PlanOutcome generate(UserId user, Optional<ConversationId> source, boolean explicit, String whatToSay,
      FromParameters fromParameters, FromModel fromModel) {
    if (source.isPresent() && !owns(user, source.get())) {
      return refused(RefusalReason.NOT_FOUND, "conversation not found");
    }
    Optional<CoachProfile> profile = coachData.findProfile(user);
    if (explicit) {
      return fromParameters.plan(profile);
    }
    String transcript = transcript(user, source.orElseThrow());
    if (transcript.isBlank()) {
      return refused(RefusalReason.INVALID_REQUEST, "the conversation has nothing to plan from yet; " + whatToSay);
    }
    return fromModel.plan(profile, coachData.latestCheckIn(user), Optional.of(transcript));
  }

  /** A new version from a check-in summary, only when the user already has a plan of that kind. */
  PlanOutcome regenerate(UserId user, PlanKind kind, CheckInSummary summary, FromModel fromModel) {
    if (plans.active(user, kind).isEmpty()) {
      return refused(RefusalReason.NOT_FOUND,
          "no " + kind.name().toLowerCase(Locale.ROOT) + " plan to regenerate");
    }
    return fromModel.plan(coachData.findProfile(user), Optional.of(summary), Optional.empty());
  }

  /**
   * Asks the model for the parameters of a new version of the user's plan of this kind; the answer with the plan
   * in force, or the refusal that stops planning.
   */
  Extraction extract(UserId user, Optional<ConversationId> source, PlanKind kind, String instructions,
      ResponseSchema schema, Function<Plan, String> describe, Optional<CoachProfile> profile,
      Optional<CheckInSummary> checkIn, Optional<String> transcript) {
    Optional<Plan> active = plans.active(user, kind);
    String input = input(profile, active, active.map(describe).orElse(""), checkIn, transcript);
    StructuredAnswers.Result result = answers.ask(user, source, instructions, input, schema, settings.maxOutputTokens());
    if (result instanceof StructuredAnswers.Failed failed) {
      return new Extraction.Stopped(refused(failed));
    }
    return new Extraction.Answered(active, ((StructuredAnswers.Answered) result).answer());
  }

  /** What {@link #extract} gives: the model's answer with the plan in force, or why planning stops. */
  sealed interface Extraction {
    record Answered(Optional<Plan> active, JsonObject answer) implements Extraction {}

    record Stopped(PlanOutcome refusal) implements Extraction {}
  }

  boolean owns(UserId user, ConversationId conversation) {
    return conversations.find(user, conversation).isPresent();
  }

  /** The transcript of the conversation's latest messages; blank when nothing was said in it. */
  String transcript(UserId user, ConversationId conversation) {
    List<Message> messages =
        conversations.messages(user, conversation, Optional.empty(), settings.transcriptMessages()).items();
    return ConversationTranscript.render(messages, clock.getZone(), settings.maxTranscriptChars());
  }

  /** The extraction input: profile, current plan, latest check-in and conversation, each when known. */
  String input(Optional<CoachProfile> profile, Optional<Plan> active, String activeDescription,
      Optional<CheckInSummary> checkIn, Optional<String> transcript) {
    StringBuilder input = new StringBuilder();
    input.append("## Profile\n")
        .append(profile.map(p -> CoachFacts.describe(p, clock)).orElse("(no profile)")).append("\n\n");
    input.append("## Current plan\n").append(active.isPresent() ? activeDescription : "(none)").append("\n\n");
    input.append("## Latest check-in\n").append(checkIn.map(CoachFacts::describe).orElse("(none)")).append("\n\n");
    input.append("## Conversation\n").append(transcript.orElse("(none: regenerate from the check-in)"));
    return input.toString();
  }

  /** Stores the body as the user's new active version of its kind. */
  PlanOutcome store(UserId user, Optional<ConversationId> source, PlanBody body) {
    Plan stored = plans.saveNewVersion(new NewPlan(PlanId.of(ids.next()), user, source, body, clock.instant()));
    return new PlanOutcome.Generated(stored);
  }

  static WorkoutPlan withNotes(WorkoutPlan plan, List<String> extra) {
    if (extra.isEmpty()) {
      return plan;
    }
    List<String> notes = new ArrayList<>(plan.notes());
    notes.addAll(extra);
    return new WorkoutPlan(plan.goal(), plan.level(), plan.daysPerWeek(), plan.split(), plan.sessionMinutes(),
        plan.weeks(), notes);
  }

  static NutritionPlan withNotes(NutritionPlan plan, List<String> extra) {
    if (extra.isEmpty()) {
      return plan;
    }
    List<String> notes = new ArrayList<>(plan.notes());
    notes.addAll(extra);
    return new NutritionPlan(plan.goal(), plan.bmrKcal(), plan.tdeeKcal(), plan.targetKcal(), plan.proteinG(),
        plan.fatG(), plan.carbsG(), plan.mealsPerDay(), plan.meals(), plan.dietaryPreferences(),
        plan.excludedAllergens(), notes);
  }
}
