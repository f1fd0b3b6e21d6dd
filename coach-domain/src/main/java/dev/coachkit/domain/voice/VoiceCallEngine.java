package dev.coachkit.domain.voice;

import dev.coachkit.domain.safety.SafetyScreen;
import dev.coachkit.domain.tool.CoachTools;
import dev.coachkit.domain.usage.UsageGuard;
import dev.coachkit.domain.usage.UsageRecorder;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeUseCase;
import dev.coachkit.ports.in.voice.ConnectVoiceSessionResult;
import dev.coachkit.ports.model.voice.VoiceCallListener;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.voice.VoiceEndReason;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.out.conversation.ConversationStore;
import dev.coachkit.ports.out.realtime.AvatarOutput;
import dev.coachkit.ports.out.realtime.RealtimeModel;
import dev.coachkit.ports.out.voice.VoiceSessionStore;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;

/**
 * Runs the live voice calls of this server: one {@link VoiceCallSession} per call, each with its own upstream
 * connection and state; the engine only holds the stateless collaborators they share and the index of live calls.
 *
 * <p>Create one per server and hand it to {@link ConnectVoiceSessionService}, {@link RegisterVoiceCallService}
 * and {@link EndVoiceSessionService}. Call work runs on {@code executor}, one task at a time per call; timers run
 * on {@code scheduler}.
 */
public final class VoiceCallEngine {
  final VoiceSessionStore sessions;
  final ConversationStore conversations;
  final GetCoachKnowledgeUseCase knowledge;
  final RealtimeModel model;
  final CoachTools tools;
  final VoiceCallSetup setup;
  final UsageGuard usageGuard;
  final UsageRecorder usageRecorder;
  final AvatarOutput avatar;
  final VoiceScheduler scheduler;
  final Executor executor;
  final IdGenerator ids;
  final Clock clock;
  final VoiceSettings settings;
  final DoubleSupplier random;
  final SafetyScreen safety = new SafetyScreen();
  private final Map<VoiceSessionId, VoiceCallSession> live = new ConcurrentHashMap<>();

  /**
   * @param random numbers in [0, 1) for the reconnect jitter
   */
  public VoiceCallEngine(VoiceSessionStore sessions, ConversationStore conversations,
      GetCoachKnowledgeUseCase knowledge, RealtimeModel model, CoachTools tools, VoiceCallSetup setup,
      UsageGuard usageGuard, UsageRecorder usageRecorder, AvatarOutput avatar, VoiceScheduler scheduler,
      Executor executor, IdGenerator ids, Clock clock, VoiceSettings settings, DoubleSupplier random) {
    this.sessions = Objects.requireNonNull(sessions, "sessions must not be null");
    this.conversations = Objects.requireNonNull(conversations, "conversations must not be null");
    this.knowledge = Objects.requireNonNull(knowledge, "knowledge must not be null");
    this.model = Objects.requireNonNull(model, "model must not be null");
    this.tools = Objects.requireNonNull(tools, "tools must not be null");
    this.setup = Objects.requireNonNull(setup, "setup must not be null");
    this.usageGuard = Objects.requireNonNull(usageGuard, "usageGuard must not be null");
    this.usageRecorder = Objects.requireNonNull(usageRecorder, "usageRecorder must not be null");
    this.avatar = Objects.requireNonNull(avatar, "avatar must not be null");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
    this.executor = Objects.requireNonNull(executor, "executor must not be null");
    this.ids = Objects.requireNonNull(ids, "ids must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
    this.random = Objects.requireNonNull(random, "random must not be null");
  }

  /** The same, with the jitter drawn from {@link ThreadLocalRandom}. */
  public VoiceCallEngine(VoiceSessionStore sessions, ConversationStore conversations,
      GetCoachKnowledgeUseCase knowledge, RealtimeModel model, CoachTools tools, VoiceCallSetup setup,
      UsageGuard usageGuard, UsageRecorder usageRecorder, AvatarOutput avatar, VoiceScheduler scheduler,
      Executor executor, IdGenerator ids, Clock clock, VoiceSettings settings) {
    this(sessions, conversations, knowledge, model, tools, setup, usageGuard, usageRecorder, avatar, scheduler,
        executor, ids, clock, settings, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The number of calls live on this server. */
  public int liveCalls() {
    return live.size();
  }

  /** Whether this session has a live call on this server. */
  public boolean isLive(VoiceSessionId sessionId) {
    return live.containsKey(sessionId);
  }

  /** Starts a relayed call for an open RELAY session; completes once it is live or refused. */
  CompletionStage<ConnectVoiceSessionResult> connectRelay(VoiceSession session, VoiceCallListener listener) {
    VoiceCallSession call = new VoiceCallSession(this, session, VoiceCallSession.Mode.RELAY, listener);
    if (live.putIfAbsent(session.id(), call) != null) {
      return CompletableFuture.completedFuture(new ConnectVoiceSessionResult.Refused(Refusal.of(
          RefusalReason.INVALID_STATE, "This voice session is already connected.")));
    }
    call.start();
    return call.connected();
  }

  /** Attaches the server to a WebRTC session's call (sideband); completes with a refusal if that failed. */
  CompletionStage<Optional<Refusal>> attachSideband(VoiceSession session) {
    VoiceCallSession call = new VoiceCallSession(this, session, VoiceCallSession.Mode.SIDEBAND, event -> {});
    if (live.putIfAbsent(session.id(), call) != null) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    call.start();
    return call.connected().thenApply(result -> result instanceof ConnectVoiceSessionResult.Refused
        ? Optional.of(((ConnectVoiceSessionResult.Refused) result).refusal())
        : Optional.<Refusal>empty());
  }

  /**
   * Ends this session's live call, if it has one on this server, and waits (at most {@code waitForCall}) for
   * its final state; empty when no call is live here.
   */
  Optional<VoiceSession> endLive(VoiceSessionId sessionId, VoiceEndReason reason) {
    VoiceCallSession call = live.get(sessionId);
    if (call == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(await(call.requestEnd(reason)));
  }

  /** Waits a bounded time for a call's future; null when it did not complete in time. */
  <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(settings.waitForCall().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | TimeoutException e) {
      return null;
    }
  }

  void remove(VoiceCallSession call) {
    live.remove(call.sessionId(), call);
  }
}
