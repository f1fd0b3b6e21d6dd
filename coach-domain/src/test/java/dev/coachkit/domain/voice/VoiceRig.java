package dev.coachkit.domain.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.context.TestKnowledgeFactory;
import dev.coachkit.domain.plan.exercise.ExerciseLibrary;
import dev.coachkit.domain.tool.CoachTools;
import dev.coachkit.domain.tool.FakeCoachUseCases;
import dev.coachkit.domain.usage.PriceTable;
import dev.coachkit.domain.usage.UsageGuard;
import dev.coachkit.domain.usage.UsageLimits;
import dev.coachkit.domain.usage.UsageRecorder;
import dev.coachkit.ports.in.voice.ConnectVoiceSessionCommand;
import dev.coachkit.ports.in.voice.ConnectVoiceSessionResult;
import dev.coachkit.ports.in.voice.StartVoiceSessionCommand;
import dev.coachkit.ports.in.voice.StartVoiceSessionResult;
import dev.coachkit.ports.model.voice.VoiceCall;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.realtime.RealtimeEvent;
import dev.coachkit.ports.model.realtime.ResponseStatus;
import dev.coachkit.ports.model.usage.ModelPrice;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.model.voice.VoiceTransport;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.out.realtime.AvatarOutput;
import dev.coachkit.ports.testing.FakeRealtimeModel;
import dev.coachkit.ports.testing.FakeRealtimeTokenIssuer;
import dev.coachkit.ports.testing.InMemoryConversationStore;
import dev.coachkit.ports.testing.InMemoryUsageLedger;
import dev.coachkit.ports.testing.InMemoryVoiceSessionStore;
import dev.coachkit.ports.testing.MutableClock;
import dev.coachkit.ports.testing.RecordingAvatarOutput;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestIds;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The voice domain wired to in-memory fakes: Ana (Spanish profile, named Ana) and Bob (English, named Bob), a
 * fake realtime model, a manual scheduler on a mutable clock, and (by default) a direct executor so each call's
 * work runs on the test thread.
 */
final class VoiceRig {
  static final String MODEL = "gpt-realtime";
  /** Per 1M tokens in micro-USD: text in 4 USD, cached 0.4, text out 16, audio in 32, audio out 64. */
  static final ModelPrice PRICE = new ModelPrice(MODEL, 4_000_000, 400_000, 16_000_000, 32_000_000, 64_000_000);
  static final ExerciseLibrary LIBRARY = ExerciseLibrary.builtIn();

  final MutableClock clock = new MutableClock(TestKnowledgeFactory.AS_OF);
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final InMemoryVoiceSessionStore sessions = new InMemoryVoiceSessionStore();
  final InMemoryConversationStore conversations = new InMemoryConversationStore();
  final InMemoryUsageLedger ledger = new InMemoryUsageLedger();
  final FakeRealtimeModel model = new FakeRealtimeModel(clock);
  final FakeRealtimeTokenIssuer tokens = new FakeRealtimeTokenIssuer(clock);
  final RecordingAvatarOutput avatar = new RecordingAvatarOutput();
  final FakeCoachUseCases fakes = new FakeCoachUseCases();
  final UserId ana = TestIds.user();
  final UserId bob = TestIds.user();
  final VoiceSettings settings;
  final CoachTools tools;
  final VoiceCallSetup setup;
  final UsageGuard guard;
  final VoiceCallEngine engine;
  final StartVoiceSessionService start;
  final ConnectVoiceSessionService connect;
  final EndVoiceSessionService end;
  final GetVoiceSessionService get;
  final IssueRealtimeTokenService issueToken;
  final RegisterVoiceCallService register;

  VoiceRig() {
    this(VoiceSettings.defaults());
  }

  VoiceRig(VoiceSettings settings) {
    this(settings, new UsageLimits(1_000_000, 1_000, ZoneId.of("UTC")), Runnable::run);
  }

  VoiceRig(VoiceSettings settings, UsageLimits limits, Executor executor) {
    this.settings = settings;
    fakes.knowledge.put(ana, TestKnowledgeFactory.full(ana));
    CoachProfile base = TestCoachDataFactory.profile(bob);
    fakes.knowledge.put(bob, TestKnowledgeFactory.withProfile(new CoachProfile(bob, Optional.of("Bob"),
        base.birthYear(), base.sex(), base.heightCm(), base.weightKg(), base.fitnessLevel(), base.activityLevel(),
        List.of(), List.of(), List.of(), List.of(), Locale.ENGLISH, base.persona(), base.preferredMode(),
        Optional.empty(), false, base.updatedAt())));
    tools = new CoachTools(fakes.workoutPlans, fakes.nutritionPlans, fakes.knowledgeUseCase, fakes.followUps,
        LIBRARY, clock);
    setup = new VoiceCallSetup(tools, settings);
    guard = new UsageGuard(ledger, limits, clock);
    UsageRecorder recorder = new UsageRecorder(ledger, PriceTable.of(PRICE), IdGenerator.random());
    engine = new VoiceCallEngine(sessions, conversations, fakes.knowledgeUseCase, model, tools, setup, guard,
        recorder, avatar, scheduler, executor, IdGenerator.random(), clock, settings, () -> 0.5);
    start = new StartVoiceSessionService(sessions, conversations, fakes.knowledgeUseCase, guard, setup, tokens,
        engine, IdGenerator.random(), clock, settings);
    connect = new ConnectVoiceSessionService(sessions, guard, engine, clock);
    end = new EndVoiceSessionService(sessions, engine, clock);
    get = new GetVoiceSessionService(sessions);
    issueToken = new IssueRealtimeTokenService(sessions, fakes.knowledgeUseCase, guard, setup, tokens, clock,
        settings);
    register = new RegisterVoiceCallService(sessions, engine, clock);
  }

  static StartVoiceSessionCommand startCommand(UserId user, VoiceTransport transport) {
    return new StartVoiceSessionCommand(user, Optional.empty(), Optional.empty(), Optional.empty(), transport,
        Optional.empty());
  }

  VoiceSession startSession(UserId user, VoiceTransport transport) {
    StartVoiceSessionResult result = start.start(startCommand(user, transport));
    assertThat(result).isInstanceOf(StartVoiceSessionResult.Started.class);
    return ((StartVoiceSessionResult.Started) result).session();
  }

  /** A live relayed call. */
  final class Call {
    final VoiceSession started;
    final RecordingCallListener events = new RecordingCallListener();
    final VoiceCall call;
    final FakeRealtimeModel.Connection upstream;

    Call(UserId user) {
      started = startSession(user, VoiceTransport.RELAY);
      int before = model.connections().size();
      ConnectVoiceSessionResult result = await(connect.connect(
          new ConnectVoiceSessionCommand(user, started.id(), events)));
      assertThat(result).isInstanceOf(ConnectVoiceSessionResult.Connected.class);
      call = ((ConnectVoiceSessionResult.Connected) result).call();
      assertThat(model.connections()).hasSize(before + 1);
      upstream = model.lastConnection();
    }

    VoiceSession stored() {
      return sessions.find(started.userId(), started.id()).orElseThrow();
    }

    List<Message> messages() {
      return conversations.messages(started.userId(), started.conversationId(), Optional.empty(), 100).items();
    }
  }

  Call call(UserId user) {
    return new Call(user);
  }

  static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("did not complete", e);
    }
  }

  // ---- upstream scripting

  static byte[] pcm(long millis) {
    return new byte[(int) (millis * VoiceCallSession.BYTES_PER_SECOND / 1000)];
  }

  RealtimeEvent.AssistantTranscriptDelta delta(String response, String item, String text) {
    return new RealtimeEvent.AssistantTranscriptDelta(response, item, text, clock.instant());
  }

  RealtimeEvent.AudioChunk audio(String response, String item, long millis) {
    return new RealtimeEvent.AudioChunk(response, item, 0, pcm(millis), clock.instant());
  }

  RealtimeEvent.AssistantTranscriptFinal assistantFinal(String response, String item, String text) {
    return new RealtimeEvent.AssistantTranscriptFinal(response, item, text, clock.instant());
  }

  RealtimeEvent.ResponseDone done(String response, TokenUsage usage) {
    return new RealtimeEvent.ResponseDone(response, ResponseStatus.COMPLETED, usage, clock.instant());
  }

  RealtimeEvent.SpeechStarted speechStarted(String item) {
    return new RealtimeEvent.SpeechStarted(item, 0, clock.instant());
  }

  RealtimeEvent.SpeechStopped speechStopped(String item) {
    return new RealtimeEvent.SpeechStopped(item, 500, clock.instant());
  }

  RealtimeEvent.UserTranscriptFinal userSaid(String item, String text) {
    return new RealtimeEvent.UserTranscriptFinal(item, text, clock.instant());
  }

  /** A whole assistant turn: transcript, audio, final transcript, response done. */
  void assistantTurn(FakeRealtimeModel.Connection c, String response, String item, String text, long audioMs,
      TokenUsage usage) {
    c.push(delta(response, item, text));
    c.push(audio(response, item, audioMs));
    c.push(assistantFinal(response, item, text));
    c.push(done(response, usage));
  }

  /** A whole user turn: speech started and stopped, then the final transcript. */
  void userTurn(FakeRealtimeModel.Connection c, String item, String text) {
    c.push(speechStarted(item));
    c.push(speechStopped(item));
    c.push(userSaid(item, text));
  }

  static AvatarOutput noAvatar() {
    return AvatarOutput.none();
  }
}
