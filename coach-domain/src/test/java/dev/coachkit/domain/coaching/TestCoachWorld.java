package dev.coachkit.domain.coaching;

import dev.coachkit.domain.checkin.CheckInSettings;
import dev.coachkit.domain.checkin.RunWeeklyCheckInsService;
import dev.coachkit.domain.checkin.SummarizeCheckInService;
import dev.coachkit.domain.plan.GenerateNutritionPlanService;
import dev.coachkit.domain.plan.GenerateWorkoutPlanService;
import dev.coachkit.domain.plan.NutritionPlanner;
import dev.coachkit.domain.plan.PlanGenerationSettings;
import dev.coachkit.domain.plan.PlanValidator;
import dev.coachkit.domain.plan.WorkoutPlanner;
import dev.coachkit.domain.plan.exercise.ExerciseLibrary;
import dev.coachkit.domain.usage.PriceTable;
import dev.coachkit.domain.usage.UsageRecorder;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.Conversation;
import dev.coachkit.ports.model.conversation.MessageRole;
import dev.coachkit.ports.model.conversation.NewConversation;
import dev.coachkit.ports.model.conversation.NewMessage;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.testing.InMemoryCheckInClaims;
import dev.coachkit.ports.testing.InMemoryCoachDataStore;
import dev.coachkit.ports.testing.InMemoryConversationStore;
import dev.coachkit.ports.testing.InMemoryFeedbackStore;
import dev.coachkit.ports.testing.InMemoryFollowUpStore;
import dev.coachkit.ports.testing.InMemoryPlanStore;
import dev.coachkit.ports.testing.InMemoryUsageLedger;
import dev.coachkit.ports.testing.InMemoryVoiceSessionStore;
import dev.coachkit.ports.testing.MutableClock;
import dev.coachkit.ports.testing.ScriptedCoachModel;
import dev.coachkit.ports.testing.TestIds;
import java.time.Instant;
import java.util.Optional;

/** Every out-port as an in-memory fake on one mutable clock, and the domain services built on them. */
public final class TestCoachWorld {
  public static final ExerciseLibrary LIBRARY = ExerciseLibrary.builtIn();

  public final MutableClock clock = new MutableClock();
  public final IdGenerator ids = IdGenerator.random();
  public final InMemoryConversationStore conversations = new InMemoryConversationStore();
  public final InMemoryPlanStore plans = new InMemoryPlanStore();
  /** Its {@code recent} answers the plans in force from {@link #plans}, as the database adapter does. */
  public final InMemoryCoachDataStore coachData = new InMemoryCoachDataStore(plans);
  public final InMemoryVoiceSessionStore voiceSessions = new InMemoryVoiceSessionStore();
  public final InMemoryUsageLedger usage = new InMemoryUsageLedger();
  public final InMemoryFeedbackStore feedback = new InMemoryFeedbackStore();
  public final InMemoryFollowUpStore followUps = new InMemoryFollowUpStore();
  public final InMemoryCheckInClaims claims = new InMemoryCheckInClaims();
  public final ScriptedCoachModel model = new ScriptedCoachModel();
  public final StructuredAnswers answers =
      new StructuredAnswers(model, new UsageRecorder(usage, PriceTable.of(), ids), clock);

  public GenerateWorkoutPlanService workoutPlans() {
    PlanValidator validator = new PlanValidator(LIBRARY);
    return new GenerateWorkoutPlanService(coachData, conversations, plans, answers,
        new WorkoutPlanner(LIBRARY, validator), ids, clock, PlanGenerationSettings.standard());
  }

  public GenerateNutritionPlanService nutritionPlans() {
    return new GenerateNutritionPlanService(coachData, conversations, plans, answers,
        new NutritionPlanner(new PlanValidator(LIBRARY)), ids, clock, PlanGenerationSettings.standard());
  }

  public SummarizeCheckInService summarizer() {
    return new SummarizeCheckInService(coachData, conversations, answers, ids, clock, CheckInSettings.standard());
  }

  public RunWeeklyCheckInsService weeklyCheckIns(int userPageSize) {
    CheckInSettings settings = new CheckInSettings(500, 32_000, 1_000, userPageSize);
    return new RunWeeklyCheckInsService(coachData, claims, summarizer(), workoutPlans(), nutritionPlans(),
        settings);
  }

  /** A new conversation of the user in which the user and the coach said these lines in turn, from {@code at}. */
  public ConversationId conversation(UserId user, Instant at, String... lines) {
    Conversation conversation = conversations.create(
        new NewConversation(TestIds.conversation(), user, Optional.of("chat"), at, Optional.empty()));
    for (int i = 0; i < lines.length; i++) {
      MessageRole role = i % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT;
      conversations.append(user, conversation.id(),
          NewMessage.text(TestIds.message(), role, lines[i], at.plusSeconds(60L * i)));
    }
    return conversation.id();
  }
}
