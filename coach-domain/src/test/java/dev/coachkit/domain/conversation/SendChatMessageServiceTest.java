package dev.coachkit.domain.conversation;

import static dev.coachkit.domain.conversation.ChatRig.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.in.conversation.ChatReply;
import dev.coachkit.ports.in.conversation.ChatTurnResult;
import dev.coachkit.ports.in.conversation.SendChatMessageCommand;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.MessageRole;
import dev.coachkit.ports.model.conversation.MessageStatus;
import dev.coachkit.ports.model.conversation.NewConversation;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.ModelMessage;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.model.ToolSpec;
import dev.coachkit.ports.testing.ScriptedCoachModel;
import dev.coachkit.ports.testing.TestConversationFactory;
import dev.coachkit.ports.testing.TestIds;
import dev.coachkit.ports.testing.TestUsageEntryFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendChatMessageServiceTest {
  private final ChatRig rig = new ChatRig();
  private final SendChatMessageService service = new SendChatMessageService(rig.engine);

  private ChatReply replied(ChatTurnResult result) {
    assertThat(result).isInstanceOf(ChatTurnResult.Replied.class);
    return ((ChatTurnResult.Replied) result).reply();
  }

  private Refusal refused(ChatTurnResult result) {
    assertThat(result).isInstanceOf(ChatTurnResult.Refused.class);
    return ((ChatTurnResult.Refused) result).refusal();
  }

  private static ToolCall workoutCall(String callId) {
    return new ToolCall(callId, "create_workout_plan", Json.parse("{\"goal\":\"hypertrophy\",\"days_per_week\":3,"
        + "\"level\":null,\"session_minutes\":null,\"weeks\":null,\"equipment\":null,\"limitations\":null}"));
  }

  @Test
  void givenANewMessage_send_storesTheUserMessageAndTheReplyInANewConversation() {
    rig.model.thenReply("Let's start with three sessions a week.");

    ChatReply reply = replied(service.send(message(rig.bob, "How often should I train?")));

    List<Message> stored = rig.messages(rig.bob, reply.conversationId());
    assertThat(stored).extracting(Message::role).containsExactly(MessageRole.USER, MessageRole.ASSISTANT);
    assertThat(stored.get(0).content()).isEqualTo("How often should I train?");
    assertThat(stored.get(1).id()).isEqualTo(reply.messageId());
    assertThat(reply.content()).isEqualTo("Let's start with three sessions a week.");
    assertThat(reply.usage()).isEqualTo(ScriptedCoachModel.USAGE);
    assertThat(reply.provider()).isEqualTo(ScriptedCoachModel.PROVIDER);
    assertThat(reply.createdAt()).isEqualTo(rig.clock.instant());
    assertThat(rig.store.find(rig.bob, reply.conversationId()).orElseThrow().title())
        .contains("How often should I train?");
  }

  @Test
  void givenAProfile_send_buildsTheRequestFromPersonaContextHistoryAndTools() {
    rig.model.thenReply("¡Vamos!");

    service.send(message(rig.ana, "¿Qué hago hoy?"));

    ModelRequest request = rig.model.lastRequest();
    assertThat(request.instructions()).contains("coach de entrenamiento y nutrición").contains("4-5 frases")
        .contains("Responde siempre en español.").contains("# What you know about the user")
        .contains("Injuries and limitations: left knee");
    assertThat(request.history()).last().isEqualTo(new ModelMessage.UserText("¿Qué hago hoy?"));
    assertThat(request.tools()).extracting(ToolSpec::name).hasSize(5);
    assertThat(request.maxOutputTokens()).isEqualTo(ChatSettings.defaults().maxOutputTokens());
  }

  @Test
  void givenAnEarlierTurn_send_includesItInTheHistoryWindow() {
    rig.model.thenReply("First answer.").thenReply("Second answer.");
    ConversationId conversation = replied(service.send(message(rig.bob, "First question"))).conversationId();

    service.send(message(rig.bob, conversation, "Second question"));

    assertThat(rig.model.lastRequest().history()).containsExactly(new ModelMessage.UserText("First question"),
        new ModelMessage.AssistantText("First answer.", List.of()), new ModelMessage.UserText("Second question"));
  }

  @Test
  void givenAToolCallTurn_send_storesUserMessageToolCallToolResultAndReplyInOrder() {
    rig.model.thenToolCalls(workoutCall("call-1")).thenReply("Tu plan está listo.");

    ChatReply reply = replied(service.send(message(rig.ana, "Hazme un plan de entrenamiento")));

    List<Message> stored = rig.messages(rig.ana, reply.conversationId());
    assertThat(stored).extracting(Message::role).containsExactly(MessageRole.USER, MessageRole.ASSISTANT,
        MessageRole.TOOL, MessageRole.ASSISTANT);
    assertThat(stored.get(1).toolCalls()).extracting(ToolCall::callId).containsExactly("call-1");
    assertThat(stored.get(2).toolResult()).hasValueSatisfying(r -> assertThat(r.error()).isFalse());
    assertThat(stored.get(3).content()).isEqualTo("Tu plan está listo.");
    assertThat(reply.toolCalls()).extracting(ToolCall::callId).containsExactly("call-1");
    assertThat(reply.toolResults()).hasSize(1);
    assertThat(rig.fakes.workoutCommands).singleElement()
        .satisfies(c -> assertThat(c.sourceConversationId()).contains(reply.conversationId()));
    ModelRequest second = rig.model.requests().get(1);
    assertThat(second.history()).element(second.history().size() - 1)
        .isInstanceOf(ModelMessage.ToolOutput.class);
    assertThat(reply.requiresWorkoutPlan()).isFalse();
    assertThat(reply.suggestedActions()).contains("Ver mi plan de entrenamiento");
    assertThat(reply.usage()).isEqualTo(ScriptedCoachModel.USAGE.plus(ScriptedCoachModel.USAGE));
    assertThat(rig.ledger.entriesOf(rig.ana)).hasSize(2)
        .allSatisfy(e -> assertThat(e.costMicros()).isEqualTo(ChatRig.COST_PER_RESPONSE));
  }

  @Test
  void givenSixRoundsOfToolCalls_send_stopsAfterFiveWithAClearAnswer() {
    for (int i = 1; i <= 6; i++) {
      rig.model.thenToolCalls(TestConversationFactory.progressCall("call-" + i));
    }
    rig.model.thenReply("never asked for");

    ChatReply reply = replied(service.send(message(rig.bob, "Check everything")));

    assertThat(rig.model.requests()).hasSize(6);
    assertThat(rig.model.requests().get(4).tools()).isNotEmpty();
    assertThat(rig.model.requests().get(5).tools()).isEmpty();
    assertThat(rig.model.remaining()).isEqualTo(1);
    assertThat(reply.toolCalls()).hasSize(5);
    assertThat(reply.content()).contains("couldn't finish this with my tools");
    List<Message> stored = rig.messages(rig.bob, reply.conversationId());
    assertThat(stored).hasSize(1 + 5 * 2 + 1);
    assertThat(stored).flatExtracting(Message::toolCalls).extracting(ToolCall::callId).doesNotContain("call-6");
  }

  @Test
  void givenTheSameIdempotencyKeyTwice_send_returnsTheStoredReplyWithoutCallingTheModelAgain() {
    rig.model.thenToolCalls(workoutCall("call-1")).thenReply("Plan ready.");
    SendChatMessageCommand command = message(rig.bob, "Make me a workout plan", "key-1");

    ChatReply first = replied(service.send(command));
    ChatReply again = replied(service.send(command));

    assertThat(rig.model.requests()).hasSize(2);
    assertThat(again.messageId()).isEqualTo(first.messageId());
    assertThat(again.conversationId()).isEqualTo(first.conversationId());
    assertThat(again.content()).isEqualTo(first.content());
    assertThat(again.toolCalls()).isEqualTo(first.toolCalls());
    assertThat(again.toolResults()).isEqualTo(first.toolResults());
    assertThat(again.suggestedActions()).isEqualTo(first.suggestedActions());
    assertThat(again.usage()).isEqualTo(TokenUsage.ZERO);
    assertThat(rig.messages(rig.bob, first.conversationId())).hasSize(4);
    assertThat(rig.ledger.entriesOf(rig.bob)).hasSize(2);
  }

  @Test
  void givenTheDailyBudgetUsedUp_send_refusesWithTheReasonAndStoresNothing() {
    rig.ledger.record(TestUsageEntryFactory.chat(rig.bob, TestIds.conversation(), 10_000, rig.clock.instant()));

    Refusal refusal = refused(service.send(message(rig.bob, "Hello")));

    assertThat(refusal.reason()).isEqualTo(RefusalReason.BUDGET_EXCEEDED);
    assertThat(refusal.retryAfter()).isPresent();
    assertThat(rig.model.requests()).isEmpty();
    assertThat(rig.store.history(rig.bob, Optional.empty(), 10).items()).isEmpty();
  }

  @Test
  void givenTheRateLimitReached_send_refusesWithRetryAfter() {
    for (int i = 0; i < 30; i++) {
      rig.ledger.record(TestUsageEntryFactory.chat(rig.bob, TestIds.conversation(), 1, rig.clock.instant()));
    }

    Refusal refusal = refused(service.send(message(rig.bob, "Hello")));

    assertThat(refusal.reason()).isEqualTo(RefusalReason.RATE_LIMITED);
    assertThat(refusal.retryAfter()).contains(Duration.ofSeconds(60));
    assertThat(rig.model.requests()).isEmpty();
  }

  @Test
  void givenAModelFailure_send_keepsTheUserMessageRecordsAFailedTurnAndRefuses() {
    rig.model.thenFail(new ModelFailure(ModelFailure.Kind.UNAVAILABLE, "openai", "503 after retries",
        Optional.of(Duration.ofSeconds(5)), null));
    SendChatMessageCommand command = message(rig.bob, "Hello", "key-f");

    Refusal refusal = refused(service.send(command));

    assertThat(refusal.reason()).isEqualTo(RefusalReason.MODEL_UNAVAILABLE);
    assertThat(refusal.retryAfter()).contains(Duration.ofSeconds(5));
    List<Message> stored = rig.store.history(rig.bob, Optional.empty(), 10).items();
    assertThat(stored).extracting(Message::role, Message::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple(MessageRole.USER, MessageStatus.COMPLETE),
        org.assertj.core.groups.Tuple.tuple(MessageRole.ASSISTANT, MessageStatus.FAILED));
    assertThat(rig.ledger.entriesOf(rig.bob)).isEmpty();
  }

  @Test
  void givenAFailedTurnRetriedWithTheSameKey_send_runsTheTurnAgainOnTheStoredMessage() {
    rig.model.thenFail(new ModelFailure(ModelFailure.Kind.TIMEOUT, "openai", "timed out")).thenReply("Hi!");
    SendChatMessageCommand command = message(rig.bob, "Hello", "key-r");
    refused(service.send(command));

    ChatReply reply = replied(service.send(command));

    assertThat(reply.content()).isEqualTo("Hi!");
    assertThat(rig.model.requests()).hasSize(2);
    assertThat(rig.messages(rig.bob, reply.conversationId())).extracting(Message::role, Message::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(MessageRole.USER, MessageStatus.COMPLETE),
            org.assertj.core.groups.Tuple.tuple(MessageRole.ASSISTANT, MessageStatus.FAILED),
            org.assertj.core.groups.Tuple.tuple(MessageRole.ASSISTANT, MessageStatus.COMPLETE));
    assertThat(rig.model.lastRequest().history()).containsExactly(new ModelMessage.UserText("Hello"));
  }

  @Test
  void givenAMessageStillInFlight_sendWithTheSameKey_refusesUntilTheGraceRunsOut() {
    ConversationId conversation = rig.store.create(new NewConversation(TestIds.conversation(), rig.bob,
        Optional.empty(), rig.clock.instant(), Optional.empty())).id();
    rig.store.append(rig.bob, conversation,
        TestConversationFactory.userText("Hello", rig.clock.instant(), "key-busy"));
    SendChatMessageCommand retry = new SendChatMessageCommand(rig.bob, Optional.of(conversation), "Hello",
        Optional.of("key-busy"));

    Refusal refusal = refused(service.send(retry));
    assertThat(refusal.reason()).isEqualTo(RefusalReason.INVALID_STATE);
    assertThat(refusal.retryAfter()).isPresent();
    assertThat(rig.model.requests()).isEmpty();

    rig.clock.advance(Duration.ofMinutes(3));
    rig.model.thenReply("Sorry for the wait.");
    assertThat(replied(service.send(retry)).content()).isEqualTo("Sorry for the wait.");
    assertThat(rig.messages(rig.bob, conversation)).filteredOn(m -> m.role() == MessageRole.USER).hasSize(1);
  }

  @Test
  void givenModelNotConfiguredOrRateLimited_send_refusesWithTheMatchingReason() {
    rig.model.thenFail(new ModelFailure(ModelFailure.Kind.NOT_CONFIGURED, "none", "no provider"))
        .thenFail(new ModelFailure(ModelFailure.Kind.RATE_LIMITED, "openai", "429",
            Optional.of(Duration.ofSeconds(7)), null));

    Refusal notConfigured = refused(service.send(message(rig.bob, "Hello")));
    Refusal rateLimited = refused(service.send(message(rig.bob, "Hello")));

    assertThat(notConfigured.reason()).isEqualTo(RefusalReason.MODEL_NOT_CONFIGURED);
    assertThat(rateLimited.reason()).isEqualTo(RefusalReason.RATE_LIMITED);
    assertThat(rateLimited.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void givenAnotherUsersConversation_send_refusesNotFoundAndStoresNothingThere() {
    rig.model.thenReply("Ana's answer");
    ConversationId anas = replied(service.send(message(rig.ana, "Hola"))).conversationId();

    Refusal refusal = refused(service.send(message(rig.bob, anas, "Let me in")));

    assertThat(refusal.reason()).isEqualTo(RefusalReason.NOT_FOUND);
    assertThat(rig.messages(rig.ana, anas)).hasSize(2);
    assertThat(rig.model.requests()).hasSize(1);
  }

  @Test
  void givenARedFlagInEnglish_send_takesTheSafetyPathWithoutTheModelAndFlagsTheMessage() {
    ChatReply reply = replied(service.send(message(rig.bob, "I get chest pain when I run, make me a plan")));

    assertThat(rig.model.requests()).isEmpty();
    assertThat(reply.content()).contains("emergency number");
    assertThat(reply.requiresWorkoutPlan()).isFalse();
    assertThat(reply.requiresNutritionPlan()).isFalse();
    assertThat(reply.toolCalls()).isEmpty();
    assertThat(reply.suggestedActions()).contains("Call emergency services");
    assertThat(reply.usage()).isEqualTo(TokenUsage.ZERO);
    List<Message> stored = rig.messages(rig.bob, reply.conversationId());
    assertThat(stored.get(0).flaggedForReview()).isTrue();
    assertThat(stored.get(1).content()).isEqualTo(reply.content());
    assertThat(rig.fakes.workoutCommands).isEmpty();
    assertThat(rig.ledger.entriesOf(rig.bob)).isEmpty();
  }

  @Test
  void givenARedFlagInSpanishWithTheBudgetUsedUp_send_stillAnswersCarefully() {
    rig.ledger.record(TestUsageEntryFactory.chat(rig.ana, TestIds.conversation(), 10_000, rig.clock.instant()));

    ChatReply reply = replied(service.send(message(rig.ana, "Ayer me desmayé entrenando")));

    assertThat(reply.content()).contains("112").contains("No voy a darte un plan");
    assertThat(rig.messages(rig.ana, reply.conversationId()).get(0).flaggedForReview()).isTrue();
    assertThat(rig.model.requests()).isEmpty();
  }

  @Test
  void givenChestDay_send_isNotARedFlagAndGoesToTheModel() {
    rig.model.thenReply("Bench press, then flyes.");

    ChatReply reply = replied(service.send(message(rig.bob, "It's chest day, what should I do?")));

    assertThat(rig.model.requests()).hasSize(1);
    assertThat(rig.messages(rig.bob, reply.conversationId()).get(0).flaggedForReview()).isFalse();
  }

  @Test
  void givenAskingForAPlanWithoutOneBeingMade_send_flagsWhichPlanIsNeededAndSuggestsIt() {
    rig.model.thenReply("Sure, how many days a week can you train?").thenReply("Let's talk about food.");

    ChatReply workout = replied(service.send(message(rig.bob, "Can you give me a workout plan?")));
    ChatReply nutrition = replied(service.send(message(rig.bob, "I need a meal plan")));

    assertThat(workout.requiresWorkoutPlan()).isTrue();
    assertThat(workout.requiresNutritionPlan()).isFalse();
    assertThat(workout.suggestedActions()).contains("Create my workout plan");
    assertThat(nutrition.requiresNutritionPlan()).isTrue();
    assertThat(nutrition.requiresWorkoutPlan()).isFalse();
  }

  @Test
  void givenAPlanToolThatFails_send_stillRepliesAndSaysThePlanIsNeeded() {
    rig.fakes.refusePlansWith = Optional.of(List.of("too many days for a beginner"));
    rig.model.thenToolCalls(workoutCall("call-1")).thenReply("That plan didn't work out; let's adjust.");

    ChatReply reply = replied(service.send(message(rig.bob, "Give me something")));

    assertThat(reply.toolResults()).singleElement().satisfies(r -> assertThat(r.error()).isTrue());
    assertThat(reply.requiresWorkoutPlan()).isTrue();
  }

  @Test
  void givenAModelToolCallNamingAnotherUser_send_answersTheToolWithAnErrorAndFinishesTheTurn() {
    rig.model.thenToolCalls(new ToolCall("c1", "get_user_progress",
        Json.parse("{\"days\":7,\"user_id\":\"" + rig.ana.value() + "\"}"))).thenReply("I can only see your data.");

    ChatReply reply = replied(service.send(message(rig.bob, "How is Ana doing?")));

    assertThat(reply.toolResults()).singleElement().satisfies(r -> assertThat(r.error()).isTrue());
    assertThat(reply.content()).isEqualTo("I can only see your data.");
  }

  @Test
  void givenNoProfile_send_usesTheEnglishFitnessCoachAndSuggestsCompletingTheProfile() {
    var stranger = TestIds.user();
    rig.model.thenReply("Welcome!");

    ChatReply reply = replied(service.send(message(stranger, "Hi")));

    assertThat(rig.model.lastRequest().instructions()).contains("fitness and nutrition coach")
        .contains("No profile yet");
    assertThat(reply.suggestedActions()).contains("Complete my profile");
  }

  @Test
  void givenABlankModelAnswer_send_storesAPoliteFallbackInsteadOfNothing() {
    rig.model.thenReply("");

    ChatReply reply = replied(service.send(message(rig.bob, "Hmm")));

    assertThat(reply.content()).isNotBlank();
  }
}
