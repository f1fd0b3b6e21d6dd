package dev.coachkit.server.wiring;

import dev.coachkit.domain.account.DeleteUserDataService;
import dev.coachkit.domain.account.ExportUserDataService;
import dev.coachkit.domain.checkin.CheckInSettings;
import dev.coachkit.domain.checkin.RunWeeklyCheckInsService;
import dev.coachkit.domain.checkin.SummarizeCheckInService;
import dev.coachkit.domain.coaching.CoachKnowledgeWindows;
import dev.coachkit.domain.coaching.CoachProfileDefaults;
import dev.coachkit.domain.coaching.GetCoachKnowledgeService;
import dev.coachkit.domain.coaching.RecordNutritionDayService;
import dev.coachkit.domain.coaching.RecordProgressService;
import dev.coachkit.domain.coaching.RecordWorkoutService;
import dev.coachkit.domain.coaching.SetGoalService;
import dev.coachkit.domain.coaching.StructuredAnswers;
import dev.coachkit.domain.coaching.UpsertCoachProfileService;
import dev.coachkit.domain.conversation.ChatSettings;
import dev.coachkit.domain.conversation.ChatTurnEngine;
import dev.coachkit.domain.conversation.TurnOpener;
import dev.coachkit.domain.conversation.HistoryWindowPolicy;
import dev.coachkit.domain.conversation.ListConversationMessagesService;
import dev.coachkit.domain.conversation.ListConversationsService;
import dev.coachkit.domain.conversation.ListMessageHistoryService;
import dev.coachkit.domain.conversation.SendChatMessageService;
import dev.coachkit.domain.conversation.StreamChatMessageService;
import dev.coachkit.domain.feedback.GiveFeedbackService;
import dev.coachkit.domain.followup.CompleteFollowUpService;
import dev.coachkit.domain.followup.ListFollowUpsService;
import dev.coachkit.domain.followup.ScheduleFollowUpService;
import dev.coachkit.domain.plan.GenerateNutritionPlanService;
import dev.coachkit.domain.plan.GenerateWorkoutPlanService;
import dev.coachkit.domain.plan.GetPlanService;
import dev.coachkit.domain.plan.ListPlansService;
import dev.coachkit.domain.plan.NutritionPlanner;
import dev.coachkit.domain.plan.PlanGenerationSettings;
import dev.coachkit.domain.plan.PlanValidator;
import dev.coachkit.domain.plan.WorkoutPlanner;
import dev.coachkit.domain.plan.exercise.ExerciseLibrary;
import dev.coachkit.domain.tool.CoachTools;
import dev.coachkit.domain.usage.GetUsageService;
import dev.coachkit.domain.usage.PriceTable;
import dev.coachkit.domain.usage.UsageGuard;
import dev.coachkit.domain.usage.UsageLimits;
import dev.coachkit.domain.usage.UsageRecorder;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeUseCase;
import dev.coachkit.ports.in.followup.ScheduleFollowUpUseCase;
import dev.coachkit.ports.model.usage.ModelPrice;
import dev.coachkit.ports.out.coaching.CheckInClaims;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.out.conversation.ConversationStore;
import dev.coachkit.ports.out.conversation.TurnStartReads;
import dev.coachkit.ports.out.feedback.FeedbackStore;
import dev.coachkit.ports.out.followup.FollowUpStore;
import dev.coachkit.ports.out.plan.PlanStore;
import dev.coachkit.server.metrics.MeteredCoachModel;
import dev.coachkit.ports.out.usage.UsageLedger;
import dev.coachkit.ports.out.voice.VoiceSessionStore;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the domain services of text coaching (chat, coach data, plans, check-ins, feedback, follow-ups, usage,
 * account) from the adapters' port implementations. Domain classes carry no annotations, so every one of them is
 * made here; they are singletons because they hold no per-request state.
 */
public class CoachProducers {

  @Produces
  @Singleton
  Clock clock(@ConfigProperty(name = "coach.zone", defaultValue = "UTC") String zone) {
    return Clock.system(ZoneId.of(zone));
  }

  @Produces
  @Singleton
  IdGenerator ids() {
    return IdGenerator.timeOrdered(); // keys that grow at their index's right edge (ADR-0016)
  }

  // ---------------------------------------------------------------- usage and cost

  @Produces
  @Singleton
  PriceTable prices(CoachSettingsConfig.Usage usage) {
    List<ModelPrice> prices = new ArrayList<>();
    for (Map.Entry<String, CoachSettingsConfig.Price> entry : usage.prices().entrySet()) {
      CoachSettingsConfig.Price p = entry.getValue();
      prices.add(new ModelPrice(entry.getKey(), micros(p.textIn()), micros(p.cachedTextIn()), micros(p.textOut()),
          micros(p.audioIn()), micros(p.audioOut())));
    }
    Optional<ModelPrice> fallback =
        prices.stream().filter(p -> p.model().equals(usage.fallbackPrice())).findFirst();
    if (fallback.isEmpty()) {
      throw new IllegalStateException("coach.usage.fallback-price names '" + usage.fallbackPrice()
          + "', which has no entry under coach.usage.prices");
    }
    return new PriceTable(prices, fallback);
  }

  /** US dollars to micro-dollars, the ledger's unit. */
  static long micros(BigDecimal usd) {
    return usd.movePointRight(6).longValueExact();
  }

  @Produces
  @Singleton
  UsageGuard usageGuard(UsageLedger ledger, CoachSettingsConfig.Usage usage, Clock clock) {
    return new UsageGuard(ledger, new UsageLimits(micros(usage.dailyBudgetUsd()),
        usage.responsesPerMinute(), clock.getZone()), clock);
  }

  @Produces
  @Singleton
  UsageRecorder usageRecorder(UsageLedger ledger, PriceTable prices, IdGenerator ids) {
    return new UsageRecorder(ledger, prices, ids);
  }

  @Produces
  @Singleton
  GetUsageService usage(UsageLedger ledger) {
    return new GetUsageService(ledger);
  }

  // ---------------------------------------------------------------- coach data

  @Produces
  @Singleton
  UpsertCoachProfileService upsertProfile(CoachDataStore store, Clock clock) {
    return new UpsertCoachProfileService(store, clock, CoachProfileDefaults.standard());
  }

  @Produces
  @Singleton
  RecordWorkoutService recordWorkout(CoachDataStore store, IdGenerator ids, Clock clock) {
    return new RecordWorkoutService(store, ids, clock);
  }

  @Produces
  @Singleton
  RecordNutritionDayService recordNutrition(CoachDataStore store, Clock clock) {
    return new RecordNutritionDayService(store, clock);
  }

  @Produces
  @Singleton
  RecordProgressService recordProgress(CoachDataStore store, IdGenerator ids, Clock clock) {
    return new RecordProgressService(store, ids, clock);
  }

  @Produces
  @Singleton
  SetGoalService setGoal(CoachDataStore store, IdGenerator ids, Clock clock) {
    return new SetGoalService(store, ids, clock);
  }

  @Produces
  @Singleton
  GetCoachKnowledgeService knowledge(CoachDataStore store, Clock clock) {
    return new GetCoachKnowledgeService(store, clock, CoachKnowledgeWindows.standard());
  }

  // ---------------------------------------------------------------- plans and check-ins

  @Produces
  @Singleton
  ExerciseLibrary exerciseLibrary() {
    return ExerciseLibrary.builtIn();
  }

  @Produces
  @Singleton
  StructuredAnswers structuredAnswers(MeteredCoachModel model, UsageRecorder usage, Clock clock) {
    return new StructuredAnswers(model, usage, clock);
  }

  @Produces
  @Singleton
  GenerateWorkoutPlanService workoutPlans(CoachDataStore coachData, ConversationStore conversations,
      PlanStore plans, StructuredAnswers answers, ExerciseLibrary library, IdGenerator ids, Clock clock) {
    return new GenerateWorkoutPlanService(coachData, conversations, plans, answers,
        new WorkoutPlanner(library, new PlanValidator(library)), ids, clock, PlanGenerationSettings.standard());
  }

  @Produces
  @Singleton
  GenerateNutritionPlanService nutritionPlans(CoachDataStore coachData, ConversationStore conversations,
      PlanStore plans, StructuredAnswers answers, ExerciseLibrary library, IdGenerator ids, Clock clock) {
    return new GenerateNutritionPlanService(coachData, conversations, plans, answers,
        new NutritionPlanner(new PlanValidator(library)), ids, clock, PlanGenerationSettings.standard());
  }

  @Produces
  @Singleton
  ListPlansService listPlans(PlanStore plans) {
    return new ListPlansService(plans);
  }

  @Produces
  @Singleton
  GetPlanService getPlan(PlanStore plans) {
    return new GetPlanService(plans);
  }

  @Produces
  @Singleton
  SummarizeCheckInService summarizeCheckIn(CoachDataStore coachData, ConversationStore conversations,
      StructuredAnswers answers, IdGenerator ids, Clock clock) {
    return new SummarizeCheckInService(coachData, conversations, answers, ids, clock, CheckInSettings.standard());
  }

  @Produces
  @Singleton
  RunWeeklyCheckInsService weeklyCheckIns(CoachDataStore coachData, CheckInClaims claims,
      SummarizeCheckInService summarizer, GenerateWorkoutPlanService workoutPlans,
      GenerateNutritionPlanService nutritionPlans) {
    return new RunWeeklyCheckInsService(coachData, claims, summarizer, workoutPlans, nutritionPlans,
        CheckInSettings.standard());
  }

  // ---------------------------------------------------------------- feedback, follow-ups, account

  @Produces
  @Singleton
  GiveFeedbackService feedback(FeedbackStore feedback, ConversationStore conversations,
      VoiceSessionStore voiceSessions, IdGenerator ids, Clock clock) {
    return new GiveFeedbackService(feedback, conversations, voiceSessions, ids, clock);
  }

  @Produces
  @Singleton
  ScheduleFollowUpService scheduleFollowUp(FollowUpStore followUps, ConversationStore conversations,
      IdGenerator ids, Clock clock) {
    return new ScheduleFollowUpService(followUps, conversations, ids, clock, ScheduleFollowUpService.DEFAULT_HORIZON);
  }

  @Produces
  @Singleton
  ListFollowUpsService listFollowUps(FollowUpStore followUps, Clock clock) {
    return new ListFollowUpsService(followUps, clock);
  }

  @Produces
  @Singleton
  CompleteFollowUpService completeFollowUp(FollowUpStore followUps, Clock clock) {
    return new CompleteFollowUpService(followUps, clock);
  }

  @Produces
  @Singleton
  ExportUserDataService exportUserData(ConversationStore conversations, CoachDataStore coachData, PlanStore plans,
      VoiceSessionStore voiceSessions, UsageLedger usage, FeedbackStore feedback, FollowUpStore followUps,
      Clock clock) {
    return new ExportUserDataService(conversations, coachData, plans, voiceSessions, usage, feedback, followUps,
        clock);
  }

  @Produces
  @Singleton
  DeleteUserDataService deleteUserData(ConversationStore conversations, CoachDataStore coachData, PlanStore plans,
      VoiceSessionStore voiceSessions, UsageLedger usage, FeedbackStore feedback, FollowUpStore followUps,
      CheckInClaims claims) {
    return new DeleteUserDataService(conversations, coachData, plans, voiceSessions, usage, feedback, followUps,
        claims);
  }

  // ---------------------------------------------------------------- chat

  @Produces
  @Singleton
  CoachTools tools(GenerateWorkoutPlanService workoutPlans, GenerateNutritionPlanService nutritionPlans,
      GetCoachKnowledgeUseCase knowledge, ScheduleFollowUpUseCase followUps, ExerciseLibrary library, Clock clock) {
    return new CoachTools(workoutPlans, nutritionPlans, knowledge, followUps, library, clock);
  }

  @Produces
  @Singleton
  ChatTurnEngine chatTurns(ConversationStore conversations, MeteredCoachModel model, GetCoachKnowledgeService knowledge,
      TurnStartReads turnStart, CoachTools tools, UsageGuard guard, UsageRecorder recorder, IdGenerator ids,
      Clock clock, CoachSettingsConfig.Chat chat) {
    ChatSettings chatSettings = new ChatSettings(chat.contextTokenBudget(),
        new HistoryWindowPolicy(chat.historyMessages(), chat.historyTokens()), chat.maxOutputTokens(),
        chat.maxToolRounds(), ChatSettings.defaults().inFlightGrace(), clock.getZone());
    // The coach data and the usage tally in one read, one statement in the database adapter (ADR-0026).
    return new ChatTurnEngine(conversations, model, TurnOpener.together(turnStart, knowledge, guard), tools, recorder,
        ids, clock, chatSettings);
  }

  @Produces
  @Singleton
  SendChatMessageService sendChat(ChatTurnEngine engine) {
    return new SendChatMessageService(engine);
  }

  @Produces
  @Singleton
  StreamChatMessageService streamChat(ChatTurnEngine engine, ServerExecutors executors) {
    return new StreamChatMessageService(engine, executors.chatTurns());
  }

  @Produces
  @Singleton
  ListConversationsService listConversations(ConversationStore conversations) {
    return new ListConversationsService(conversations);
  }

  @Produces
  @Singleton
  ListConversationMessagesService listConversationMessages(ConversationStore conversations) {
    return new ListConversationMessagesService(conversations);
  }

  @Produces
  @Singleton
  ListMessageHistoryService listMessageHistory(ConversationStore conversations) {
    return new ListMessageHistoryService(conversations);
  }
}
