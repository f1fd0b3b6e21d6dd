package dev.coachkit.domain.conversation;

import dev.coachkit.domain.context.TestKnowledgeFactory;
import dev.coachkit.domain.plan.exercise.ExerciseLibrary;
import dev.coachkit.domain.tool.CoachTools;
import dev.coachkit.domain.tool.FakeCoachUseCases;
import dev.coachkit.domain.usage.PriceTable;
import dev.coachkit.domain.usage.UsageGuard;
import dev.coachkit.domain.usage.UsageLimits;
import dev.coachkit.domain.usage.UsageRecorder;
import dev.coachkit.ports.in.conversation.SendChatMessageCommand;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.usage.ModelPrice;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.testing.InMemoryConversationStore;
import dev.coachkit.ports.testing.InMemoryUsageLedger;
import dev.coachkit.ports.testing.MutableClock;
import dev.coachkit.ports.testing.ScriptedCoachModel;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestIds;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A chat turn engine wired to in-memory fakes, with two users: Ana (Spanish profile) and Bob (English). */
final class ChatRig {
  static final ExerciseLibrary LIBRARY = ExerciseLibrary.builtIn();
  /** 100 input tokens at 1 USD/1M plus 20 output tokens at 2 USD/1M: 140 micro-USD per scripted response. */
  static final long COST_PER_RESPONSE = 140;

  final InMemoryConversationStore store = new InMemoryConversationStore();
  final ScriptedCoachModel model = new ScriptedCoachModel();
  final InMemoryUsageLedger ledger = new InMemoryUsageLedger();
  final MutableClock clock = new MutableClock(TestKnowledgeFactory.AS_OF);
  final FakeCoachUseCases fakes = new FakeCoachUseCases();
  final UserId ana = TestIds.user();
  final UserId bob = TestIds.user();
  final ChatTurnEngine engine;

  ChatRig() {
    this(new UsageLimits(10_000, 30, ZoneId.of("UTC")));
  }

  ChatRig(UsageLimits limits) {
    fakes.knowledge.put(ana, TestKnowledgeFactory.full(ana));
    CoachProfile base = TestCoachDataFactory.profile(bob);
    CoachProfile bobProfile = new CoachProfile(bob, Optional.of("Bob"), base.birthYear(), base.sex(),
        base.heightCm(), base.weightKg(), base.fitnessLevel(), base.activityLevel(), List.of(), List.of(),
        List.of(), List.of(), Locale.ENGLISH, base.persona(), base.preferredMode(), Optional.empty(), false,
        base.updatedAt());
    fakes.knowledge.put(bob, TestKnowledgeFactory.withProfile(bobProfile));
    CoachTools tools = new CoachTools(fakes.workoutPlans, fakes.nutritionPlans, fakes.knowledgeUseCase,
        fakes.followUps, LIBRARY, clock);
    PriceTable prices = PriceTable.of(new ModelPrice(ScriptedCoachModel.MODEL, 1_000_000, 0, 2_000_000, 0, 0));
    engine = new ChatTurnEngine(store, model, fakes.knowledgeUseCase, tools, new UsageGuard(ledger, limits, clock),
        new UsageRecorder(ledger, prices, IdGenerator.random()), IdGenerator.random(), clock, ChatSettings.defaults());
  }

  static SendChatMessageCommand message(UserId user, String text) {
    return new SendChatMessageCommand(user, Optional.empty(), text, Optional.empty());
  }

  static SendChatMessageCommand message(UserId user, ConversationId conversation, String text) {
    return new SendChatMessageCommand(user, Optional.of(conversation), text, Optional.empty());
  }

  static SendChatMessageCommand message(UserId user, String text, String idempotencyKey) {
    return new SendChatMessageCommand(user, Optional.empty(), text, Optional.of(idempotencyKey));
  }

  List<Message> messages(UserId user, ConversationId conversation) {
    return store.messages(user, conversation, Optional.empty(), 100).items();
  }
}
