package dev.coachkit.domain.conversation;

import dev.coachkit.domain.context.CoachContextBuilder;
import dev.coachkit.domain.context.TokenEstimator;
import dev.coachkit.domain.persona.CoachLanguage;
import dev.coachkit.domain.persona.PersonaInstructions;
import dev.coachkit.domain.safety.SafetyAssessment;
import dev.coachkit.domain.safety.SafetyScreen;
import dev.coachkit.domain.tool.CoachTools;
import dev.coachkit.domain.tool.ToolInvocation;
import dev.coachkit.domain.usage.UsageGuard;
import dev.coachkit.domain.usage.UsageRecorder;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeUseCase;
import dev.coachkit.ports.in.conversation.ChatReply;
import dev.coachkit.ports.in.conversation.ChatTurnResult;
import dev.coachkit.ports.in.conversation.SendChatMessageCommand;
import dev.coachkit.ports.model.coaching.CoachKnowledge;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.MessageId;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.AppendResult;
import dev.coachkit.ports.model.conversation.Channel;
import dev.coachkit.ports.model.conversation.Conversation;
import dev.coachkit.ports.model.conversation.ConversationStart;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.MessageRole;
import dev.coachkit.ports.model.conversation.MessageStatus;
import dev.coachkit.ports.model.conversation.NewConversation;
import dev.coachkit.ports.model.conversation.NewMessage;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.conversation.ToolResult;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.ModelMessage;
import dev.coachkit.ports.model.model.ModelReply;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.model.ToolSpec;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.out.conversation.ConversationStore;
import dev.coachkit.ports.out.model.CoachModel;
import dev.coachkit.ports.out.model.ModelStreamListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs one chat turn; the blocking and the streaming chat services share it and differ only in how the model is
 * called.
 *
 * <p>A turn: screen the message for red flags; unless flagged, check the daily budget and the rate limit
 * (refused: nothing stored); find the user's conversation (another user's: NOT_FOUND) or create one; store the
 * user's message first, under its idempotency key. A key seen before returns the stored reply without calling
 * the model, or refuses while the first request is still in flight, or runs the turn again if it failed. A red
 * flag then takes the safety path: a fixed careful reply, no model, no tools, the message flagged for review.
 * Otherwise the model gets the persona instructions and the coach context, the history window and the persona's
 * tools; the engine runs the tool calls it makes (each call and result stored), sends the results back, and
 * repeats for at most {@code maxToolRounds} rounds; the last request offers no tools, and tool calls still
 * requested then are neither run nor stored. Every model response is recorded in the usage ledger. A model
 * failure keeps the user's message, stores an assistant message with status FAILED holding any partial text,
 * and refuses with MODEL_UNAVAILABLE, MODEL_NOT_CONFIGURED, RATE_LIMITED or CONTENT_FILTERED.
 */
public final class ChatTurnEngine {
  /** Provider and model reported when a reply is served again from the store for a repeated idempotency key. */
  public static final String STORED_PROVIDER = "coachkit";
  public static final String STORED_MODEL = "stored-reply";
  /** Provider and model reported for a safety-path reply, which no model wrote. */
  public static final String SAFETY_PROVIDER = "coachkit";
  public static final String SAFETY_MODEL = "safety-rules";

  static final Duration IN_FLIGHT_RETRY_AFTER = Duration.ofSeconds(2);
  static final Duration DEFAULT_PROVIDER_RETRY_AFTER = Duration.ofSeconds(10);
  private static final int TITLE_LENGTH = 60;

  private final ConversationStore conversations;
  private final CoachModel model;
  private final TurnOpener opener;
  private final CoachTools tools;
  private final UsageRecorder usageRecorder;
  private final IdGenerator ids;
  private final Clock clock;
  private final ChatSettings settings;
  private final PersonaInstructions personas = new PersonaInstructions();
  private final SafetyScreen safety = new SafetyScreen();
  private final CoachContextBuilder contextBuilder;
  private final HistoryWindow window;

  /** A turn engine that asks the knowledge use case and the usage guard apart ({@link TurnOpener#separately}). */
  public ChatTurnEngine(
      ConversationStore conversations,
      CoachModel model,
      GetCoachKnowledgeUseCase knowledge,
      CoachTools tools,
      UsageGuard usageGuard,
      UsageRecorder usageRecorder,
      IdGenerator ids,
      Clock clock,
      ChatSettings settings) {
    this(conversations, model, TurnOpener.separately(knowledge, usageGuard), tools, usageRecorder, ids, clock,
        settings);
  }

  /** A turn engine that opens each turn with {@code opener} (one read with {@link TurnOpener#together}). */
  public ChatTurnEngine(
      ConversationStore conversations,
      CoachModel model,
      TurnOpener opener,
      CoachTools tools,
      UsageRecorder usageRecorder,
      IdGenerator ids,
      Clock clock,
      ChatSettings settings) {
    this.conversations = Objects.requireNonNull(conversations, "conversations must not be null");
    this.model = Objects.requireNonNull(model, "model must not be null");
    this.opener = Objects.requireNonNull(opener, "opener must not be null");
    this.tools = Objects.requireNonNull(tools, "tools must not be null");
    this.usageRecorder = Objects.requireNonNull(usageRecorder, "usageRecorder must not be null");
    this.ids = Objects.requireNonNull(ids, "ids must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
    this.contextBuilder = new CoachContextBuilder(TokenEstimator.DEFAULT, settings.contextTokenBudget(),
        settings.zone());
    this.window = new HistoryWindow(settings.history(), TokenEstimator.DEFAULT);
  }

  /** How a turn calls the model: blocking, or streaming with deltas passed to the listener. */
  private interface ModelCall {
    ModelReply call(ModelRequest request, TurnListener listener, StringBuffer partial);
  }

  /** Everything a turn works with once the conversation and the user's message are settled. */
  private record Turn(UserId userId, Conversation conversation, Message userMessage, Persona persona,
      Locale language, CoachKnowledge knowledge, boolean userMessageIsTheFirst) {
    CoachLanguage coachLanguage() {
      return CoachLanguage.of(language);
    }
  }

  ChatTurnResult run(SendChatMessageCommand command, boolean streaming, TurnListener listener) {
    Objects.requireNonNull(command, "command must not be null");
    UserId userId = command.userId();
    TurnOpener.Opening opening = opener.open(userId);
    CoachKnowledge known = opening.knowledge();
    Persona persona = known.profile().map(CoachProfile::persona).orElse(Persona.FITNESS_COACH);
    Locale language = known.profile().map(CoachProfile::language).orElse(Locale.ENGLISH);
    Optional<SafetyAssessment> redFlag = safety.assess(command.text(), language);
    if (redFlag.isEmpty()) {
      Optional<Refusal> refusal = opening.usageCheck().get();
      if (refusal.isPresent()) {
        return new ChatTurnResult.Refused(refusal.get());
      }
    }
    NewMessage userMessage = new NewMessage(newMessageId(), MessageRole.USER, Channel.TEXT, MessageStatus.COMPLETE,
        command.text(), List.of(), Optional.empty(), Optional.empty(), redFlag.isPresent(), command.idempotencyKey(),
        clock.instant());
    Conversation conversation;
    AppendResult appended;
    if (command.conversationId().isPresent()) {
      Optional<Conversation> found = conversations.find(userId, command.conversationId().get());
      if (found.isEmpty()) {
        return new ChatTurnResult.Refused(Refusal.notFound("conversation"));
      }
      conversation = found.get();
      appended = conversations.append(userId, conversation.id(), userMessage);
    } else {
      // A new conversation and its first message in one store call.
      ConversationStart started = conversations.start(newConversation(command), userMessage);
      conversation = started.conversation();
      appended = started.first();
    }
    Turn turn = new Turn(userId, conversation, appended.message(), persona, language, known,
        !appended.alreadyStored() && appended.message().sequence() == 1);
    if (appended.alreadyStored()) {
      Optional<ChatTurnResult> earlier = earlierOutcome(turn);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    if (redFlag.isPresent()) {
      return safetyReply(turn, redFlag.get());
    }
    return modelTurn(turn, streaming ? this::streamAndWait : this::reply, listener);
  }

  private NewConversation newConversation(SendChatMessageCommand command) {
    String firstLine = command.text().strip().lines().findFirst().orElse("").strip();
    Optional<String> title = firstLine.isEmpty() ? Optional.empty()
        : Optional.of(firstLine.length() <= TITLE_LENGTH ? firstLine : firstLine.substring(0, TITLE_LENGTH) + "…");
    return new NewConversation(ConversationId.of(ids.next()), command.userId(), title, clock.instant(),
        command.idempotencyKey());
  }

  /** For a repeated idempotency key: the stored reply, an in-flight refusal, or empty to run the turn again. */
  private Optional<ChatTurnResult> earlierOutcome(Turn turn) {
    long userSequence = turn.userMessage().sequence();
    long upTo = Math.min(conversations.find(turn.userId(), turn.conversation().id())
        .map(Conversation::messageCount).orElse(userSequence), userSequence + 100);
    List<Message> following = new ArrayList<>();
    for (Message m : conversations.messages(turn.userId(), turn.conversation().id(), Optional.of(upTo + 1), 100)
        .items()) {
      if (m.sequence() <= userSequence) {
        continue;
      }
      if (m.role() == MessageRole.USER) {
        break;
      }
      following.add(m);
    }
    List<ToolCall> calls = new ArrayList<>();
    List<ToolResult> results = new ArrayList<>();
    for (Message m : following) {
      calls.addAll(m.toolCalls());
      m.toolResult().ifPresent(results::add);
      if (m.role() == MessageRole.ASSISTANT && m.status() == MessageStatus.COMPLETE && m.toolCalls().isEmpty()) {
        boolean safetyPath = turn.userMessage().flaggedForReview();
        return Optional.of(new ChatTurnResult.Replied(chatReply(turn, m, calls, results, TokenUsage.ZERO,
            safetyPath ? SAFETY_PROVIDER : STORED_PROVIDER, safetyPath ? SAFETY_MODEL : STORED_MODEL,
            safetyPath)));
      }
    }
    boolean failed = !following.isEmpty() && following.get(following.size() - 1).status() == MessageStatus.FAILED;
    boolean stale = !turn.userMessage().createdAt().plus(settings.inFlightGrace()).isAfter(clock.instant());
    if (failed || stale) {
      return Optional.empty();
    }
    return Optional.of(new ChatTurnResult.Refused(new Refusal(RefusalReason.INVALID_STATE,
        "This message is still being answered; try again in a moment.", Optional.of(IN_FLIGHT_RETRY_AFTER))));
  }

  private ChatTurnResult safetyReply(Turn turn, SafetyAssessment assessment) {
    Message reply = append(turn, assistant(assessment.reply(), List.of(), MessageStatus.COMPLETE));
    ChatReply chatReply = new ChatReply(reply.id(), turn.conversation().id(), reply.content(),
        assessment.suggestedActions(), false, false, List.of(), List.of(), TokenUsage.ZERO, SAFETY_PROVIDER,
        SAFETY_MODEL, reply.createdAt());
    return new ChatTurnResult.Replied(chatReply);
  }

  private ChatTurnResult modelTurn(Turn turn, ModelCall modelCall, TurnListener listener) {
    String instructions = personas.instructions(turn.persona(), turn.language(), Channel.TEXT) + "\n\n"
        + contextBuilder.build(turn.knowledge()).text();
    // The first message of a conversation just stored is its whole history: no need to read it back.
    List<Message> stored = turn.userMessageIsTheFirst() ? List.of(turn.userMessage())
        : conversations.messages(turn.userId(), turn.conversation().id(), Optional.empty(),
            settings.history().maxMessages()).items();
    List<ModelMessage> history = new ArrayList<>(window.modelMessages(stored));
    List<ToolSpec> specs = tools.specsFor(turn.persona(), true);
    ToolInvocation invocation = new ToolInvocation(turn.userId(), Optional.of(turn.conversation().id()),
        turn.persona(), true);
    List<ToolCall> calls = new ArrayList<>();
    List<ToolResult> results = new ArrayList<>();
    TokenUsage usage = TokenUsage.ZERO;
    for (int round = 0; ; round++) {
      boolean lastRequest = round == settings.maxToolRounds();
      ModelRequest request = new ModelRequest(instructions, history, lastRequest ? List.of() : specs,
          Optional.empty(), settings.maxOutputTokens());
      StringBuffer partial = new StringBuffer();
      ModelReply reply;
      try {
        reply = modelCall.call(request, listener, partial);
      } catch (ModelFailure failure) {
        append(turn, assistant(partial.toString(), List.of(), MessageStatus.FAILED));
        return new ChatTurnResult.Refused(refusal(failure));
      }
      usageRecorder.recordChat(turn.userId(), turn.conversation().id(), reply.model(), reply.usage(),
          clock.instant());
      usage = usage.plus(reply.usage());
      if (reply.toolCalls().isEmpty() || lastRequest) {
        String content = reply.text();
        if (content.isBlank()) {
          content = reply.toolCalls().isEmpty() ? emptyReply(turn.coachLanguage()) : toolLimit(turn.coachLanguage());
        }
        Message finalReply = append(turn, assistant(content, List.of(), MessageStatus.COMPLETE));
        return new ChatTurnResult.Replied(chatReply(turn, finalReply, calls, results, usage, reply.provider(),
            reply.model(), false));
      }
      append(turn, assistant(reply.text(), reply.toolCalls(), MessageStatus.COMPLETE));
      history.add(new ModelMessage.AssistantText(reply.text(), reply.toolCalls()));
      for (ToolCall call : reply.toolCalls()) {
        listener.onToolCallStarted(call);
        ToolResult result = tools.run(call, invocation);
        append(turn, new NewMessage(newMessageId(), MessageRole.TOOL, Channel.TEXT,
            MessageStatus.COMPLETE, "", List.of(), Optional.of(result),
            Optional.empty(), false, Optional.empty(), clock.instant()));
        history.add(new ModelMessage.ToolOutput(result.callId(), result.name(), Json.write(result.result())));
        calls.add(call);
        results.add(result);
        listener.onToolCallFinished(result);
      }
    }
  }

  private ChatReply chatReply(Turn turn, Message reply, List<ToolCall> calls, List<ToolResult> results,
      TokenUsage usage, String provider, String modelName, boolean safetyPath) {
    TurnInsights.Insights insights = safetyPath
        ? new TurnInsights.Insights(safety.assess(turn.userMessage().content(), turn.language())
            .map(SafetyAssessment::suggestedActions).orElse(List.of()), false, false)
        : TurnInsights.of(turn.userMessage().content(), turn.coachLanguage(), turn.persona(),
            turn.knowledge().profile().isPresent(), results);
    return new ChatReply(reply.id(), turn.conversation().id(), reply.content(), insights.suggestedActions(),
        insights.requiresWorkoutPlan(), insights.requiresNutritionPlan(), calls, results, usage, provider,
        modelName, reply.createdAt());
  }

  private NewMessage assistant(String content, List<ToolCall> calls, MessageStatus status) {
    return new NewMessage(newMessageId(), MessageRole.ASSISTANT, Channel.TEXT, status, content, calls,
        Optional.empty(), Optional.empty(), false, Optional.empty(), clock.instant());
  }

  private Message append(Turn turn, NewMessage message) {
    return conversations.append(turn.userId(), turn.conversation().id(), message).message();
  }

  private MessageId newMessageId() {
    return MessageId.of(ids.next());
  }

  private ModelReply reply(ModelRequest request, TurnListener listener, StringBuffer partial) {
    return model.reply(request);
  }

  /** Streams the model's answer, passing deltas on, and waits for its end on this (worker) thread. */
  private ModelReply streamAndWait(ModelRequest request, TurnListener listener, StringBuffer partial) {
    CompletableFuture<ModelReply> done = new CompletableFuture<>();
    List<ToolCall> streamedCalls = Collections.synchronizedList(new ArrayList<>());
    model.stream(request, new ModelStreamListener() {
      @Override
      public void onDelta(String text) {
        partial.append(text);
        listener.onDelta(text);
      }

      @Override
      public void onToolCall(ToolCall call) {
        streamedCalls.add(call);
      }

      @Override
      public void onComplete(ModelReply reply) {
        boolean callsOnlyStreamed = reply.toolCalls().isEmpty() && !streamedCalls.isEmpty();
        done.complete(callsOnlyStreamed ? new ModelReply(reply.text(), List.copyOf(streamedCalls), reply.usage(),
            reply.provider(), reply.model(), reply.finishReason()) : reply);
      }

      @Override
      public void onError(ModelFailure failure) {
        done.completeExceptionally(failure);
      }
    });
    try {
      return done.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ModelFailure) {
        throw (ModelFailure) e.getCause();
      }
      throw new ModelFailure(ModelFailure.Kind.UNAVAILABLE, "coachkit", "the model stream failed",
          Optional.empty(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelFailure(ModelFailure.Kind.INTERRUPTED, "coachkit", "interrupted while waiting for the model");
    }
  }

  static Refusal refusal(ModelFailure failure) {
    switch (failure.kind()) {
      case NOT_CONFIGURED:
        return new Refusal(RefusalReason.MODEL_NOT_CONFIGURED,
            "No language model is configured on this server; your message is saved.", Optional.empty());
      case RATE_LIMITED:
        return new Refusal(RefusalReason.RATE_LIMITED,
            "The coach's model provider is busy right now; your message is saved, please try again shortly.",
            Optional.of(failure.retryAfter().orElse(DEFAULT_PROVIDER_RETRY_AFTER)));
      case CONTENT_FILTERED:
        return new Refusal(RefusalReason.CONTENT_FILTERED,
            "The model provider declined to answer this message.", Optional.empty());
      default:
        return new Refusal(RefusalReason.MODEL_UNAVAILABLE,
            "The coach could not answer right now; your message is saved, please try again.",
            Optional.of(failure.retryAfter().orElse(DEFAULT_PROVIDER_RETRY_AFTER)));
    }
  }

  private static String emptyReply(CoachLanguage language) {
    return language == CoachLanguage.SPANISH
        ? "No estoy seguro de cómo responder a eso. ¿Puedes decirlo de otra manera?"
        : "I'm not sure how to answer that. Could you put it another way?";
  }

  private static String toolLimit(CoachLanguage language) {
    return language == CoachLanguage.SPANISH
        ? "No he podido terminar esto con mis herramientas. ¿Puedes concretar un poco más lo que necesitas?"
        : "I couldn't finish this with my tools. Could you narrow down what you need?";
  }
}
