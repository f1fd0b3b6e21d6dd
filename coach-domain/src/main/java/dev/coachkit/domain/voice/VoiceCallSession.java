package dev.coachkit.domain.voice;

import dev.coachkit.domain.safety.SafetyAssessment;
import dev.coachkit.domain.tool.ToolInvocation;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeQuery;
import dev.coachkit.ports.in.voice.ConnectVoiceSessionResult;
import dev.coachkit.ports.model.voice.VoiceCall;
import dev.coachkit.ports.model.voice.VoiceCallEvent;
import dev.coachkit.ports.model.voice.VoiceCallListener;
import dev.coachkit.ports.model.voice.ReconnectCause;
import dev.coachkit.ports.model.coaching.CoachKnowledge;
import dev.coachkit.ports.model.common.MessageId;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.conversation.Channel;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.MessageRole;
import dev.coachkit.ports.model.conversation.MessageStatus;
import dev.coachkit.ports.model.conversation.NewMessage;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.conversation.ToolResult;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.realtime.Pcm16Audio;
import dev.coachkit.ports.model.realtime.RealtimeEvent;
import dev.coachkit.ports.model.realtime.RealtimeSessionConfig;
import dev.coachkit.ports.model.realtime.ResponseStatus;
import dev.coachkit.ports.model.realtime.TurnDetection;
import dev.coachkit.ports.model.usage.UsageEntry;
import dev.coachkit.ports.model.voice.VoiceEndReason;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.model.voice.VoiceSessionStatus;
import dev.coachkit.ports.out.realtime.RealtimeConnection;
import dev.coachkit.ports.out.realtime.RealtimeEventListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One live voice call: its upstream connection(s), what the client hears, what is stored, and its limits.
 *
 * <p>All of a call's work (upstream events, client commands, timers) runs in its {@link CallMailbox}, one task
 * at a time, so the state below needs no locks and nothing in it is shared with another call. Audio frames in both
 * directions are quick tasks: when the call is idle they run on the thread that delivered them (the client's socket
 * or the upstream connection), in the same serial order, without a hand-over to the executor.
 *
 * <p>Storage happens as the call goes: each user transcript when it is final; each assistant turn once it is
 * settled (the user spoke again, the model moved on, a tool was called, its playback ended, or the call ended);
 * each tool call and its result when run. A crash therefore loses at most the turn in flight.
 *
 * <p>Barge-in: when the user starts speaking (or cancels, or types) while assistant audio is still playing, the
 * item is truncated upstream at the played position (the client's last {@code playbackPosition}, capped at the
 * audio relayed; without a report, the time since its first chunk was relayed) and stored as INTERRUPTED with
 * the part of its transcript that was heard. That part is an approximation: the transcript received so far is
 * cut at the same fraction as the played audio is of the audio received, extended to the end of a word.
 */
final class VoiceCallSession implements VoiceCall {
  private static final Logger LOG = Logger.getLogger(VoiceCallSession.class.getName());
  /** PCM16 mono at 24 kHz. */
  static final int BYTES_PER_SECOND = 24_000 * 2;
  static final int MAX_FRAME_BYTES = 64 * 1024;
  static final int MAX_TEXT_LENGTH = 4_000;
  /** Audio within this much of the end counts as fully played. */
  private static final long PLAYED_TOLERANCE_MS = 150;

  enum Mode {
    RELAY,
    SIDEBAND
  }

  private enum Phase {
    CONNECTING,
    LIVE,
    RECONNECTING,
    ENDED
  }

  private enum Purpose {
    INITIAL,
    RECONNECT,
    CONTINUATION
  }

  /** An assistant audio/transcript item as it arrives. */
  private static final class AssistantItem {
    final String responseId;
    final String itemId;
    int contentIndex;
    final StringBuilder transcript = new StringBuilder();
    boolean transcriptFinal;
    long audioBytes;
    Instant firstAudioAt;
    boolean settled;

    AssistantItem(String responseId, String itemId) {
      this.responseId = responseId;
      this.itemId = itemId;
    }

    long audioMs() {
      return audioBytes * 1000 / BYTES_PER_SECOND;
    }
  }

  private final VoiceCallEngine e;
  /** The session's ids, for work outside the mailbox (the session itself is mailbox state). */
  private final UserId userId;
  private final VoiceSessionId sessionId;
  private final Mode mode;
  private final VoiceCallListener listener;
  private final CallMailbox mailbox;
  private final CompletableFuture<ConnectVoiceSessionResult> connected = new CompletableFuture<>();
  private final CompletableFuture<VoiceSession> ended = new CompletableFuture<>();

  private VoiceSession session;
  private VoiceSession lastSaved;
  private CoachKnowledge knowledge;
  private RealtimeSessionConfig baseConfig;
  private Phase phase = Phase.CONNECTING;
  private RealtimeConnection upstream;
  private int activeUpstream = -1;
  private int upstreamCounter;
  private boolean opening;
  private Instant upstreamOpenedAt;
  private final Set<Integer> closedByUs = new HashSet<>();
  private int reconnectAttempt;
  private boolean continuing;
  private boolean continuationDue;
  private boolean responseAfterResume;

  private final Map<String, AssistantItem> items = new LinkedHashMap<>();
  private String playingItemId;
  private long clientPlayedMs = -1;
  private boolean responseActive;
  private boolean userSpeaking;
  private boolean toolResponsePending;
  private boolean redFlagRaised;
  private final Set<String> storedUserItems = new HashSet<>();

  private long unledgeredBytesIn;
  private long unledgeredBytesOut;
  private TokenUsage tokens = TokenUsage.ZERO;

  private final List<VoiceScheduler.Scheduled> deadlineTimers = new ArrayList<>();
  private VoiceScheduler.Scheduled continuationTimer;
  private VoiceScheduler.Scheduled reconnectTimer;
  private VoiceScheduler.Scheduled tickTimer;

  VoiceCallSession(VoiceCallEngine engine, VoiceSession session, Mode mode, VoiceCallListener listener) {
    this.e = engine;
    this.userId = session.userId();
    this.sessionId = session.id();
    this.session = session;
    this.lastSaved = session;
    this.mode = mode;
    this.listener = listener;
    this.mailbox = new CallMailbox(engine.executor,
        (thread, error) -> LOG.log(Level.WARNING, "voice call " + session.id() + " task failed", error));
  }

  CompletionStage<ConnectVoiceSessionResult> connected() {
    return connected;
  }

  /** Ends the call for this reason; completes with the session's final state. */
  CompletableFuture<VoiceSession> requestEnd(VoiceEndReason reason) {
    mailbox.submit(() -> finish(reason, false));
    return ended;
  }

  void start() {
    mailbox.submit(() -> {
      try {
        knowledge = e.knowledge.get(new GetCoachKnowledgeQuery(session.userId()));
        baseConfig = e.setup.config(session, knowledge);
      } catch (RuntimeException failure) {
        refuseStart(Refusal.of(RefusalReason.MODEL_UNAVAILABLE, "The voice call could not be prepared."));
        throw failure;
      }
      open(baseConfig, Purpose.INITIAL);
    });
  }

  // ---------------------------------------------------------------------------------------------------------
  // VoiceCall: the client's side. Every method only queues work.

  @Override
  public VoiceSessionId sessionId() {
    return session.id();
  }

  @Override
  public void sendAudio(Pcm16Audio audio) {
    mailbox.submitQuick(new ClientAudio(audio));
  }

  /** A client audio frame: validated and sent upstream, which never blocks (see {@link CallMailbox}). */
  private final class ClientAudio extends CallMailbox.QuickTask {
    private final Pcm16Audio audio;

    ClientAudio(Pcm16Audio audio) {
      this.audio = audio;
    }

    @Override
    boolean isQuickNow() {
      return true;
    }

    @Override
    public void run() {
      onClientAudio(audio);
    }
  }

  /**
   * An assistant audio chunk from upstream: relayed to the client at once, unless it starts a new item while an
   * earlier one still has to be stored (that blocks, so it waits for the executor).
   */
  private final class UpstreamAudio extends CallMailbox.QuickTask {
    private final int upstreamId;
    private final RealtimeEvent.AudioChunk chunk;

    UpstreamAudio(int upstreamId, RealtimeEvent.AudioChunk chunk) {
      this.upstreamId = upstreamId;
      this.chunk = chunk;
    }

    @Override
    boolean isQuickNow() {
      return phase == Phase.ENDED || upstreamId != activeUpstream || !startsItemAfterUnstored(chunk.itemId());
    }

    @Override
    public void run() {
      onUpstream(upstreamId, chunk);
    }
  }

  @Override
  public void startRecording() {
    mailbox.submit(() -> {
      if (clientCommandAllowed("start_recording")) {
        touch();
        bargeIn(true);
        upstream.clearAudio();
      }
    });
  }

  @Override
  public void stopRecording() {
    mailbox.submit(() -> {
      if (clientCommandAllowed("stop_recording")) {
        touch();
        if (e.settings.turnDetection() instanceof TurnDetection.Manual) {
          upstream.commitAudio();
          upstream.createResponse();
        }
      }
    });
  }

  @Override
  public void cancel() {
    mailbox.submit(() -> {
      if (clientCommandAllowed("cancel")) {
        touch();
        bargeIn(true);
      }
    });
  }

  @Override
  public void sendText(String text) {
    mailbox.submit(() -> onClientText(text));
  }

  @Override
  public void playbackPosition(long playedMs) {
    mailbox.submit(() -> {
      if (phase == Phase.ENDED) {
        return;
      }
      if (playedMs < 0) {
        error("invalid_playback_position", "playback position must not be negative");
        return;
      }
      clientPlayedMs = playedMs;
      AssistantItem item = playingItemId == null ? null : items.get(playingItemId);
      if (item != null && !item.settled && item.transcriptFinal && !responseActive
          && playedMs + PLAYED_TOLERANCE_MS >= item.audioMs()) {
        settle(item, MessageStatus.COMPLETE);
      }
    });
  }

  @Override
  public void end() {
    requestEnd(VoiceEndReason.USER_ENDED);
  }

  @Override
  public void disconnected() {
    requestEnd(VoiceEndReason.CLIENT_DISCONNECTED);
  }

  private void onClientAudio(Pcm16Audio audio) {
    if (phase == Phase.ENDED) {
      return;
    }
    if (audio == null || audio.length() % 2 != 0) {
      error("invalid_audio", "audio frames must be PCM16: an even number of bytes");
      return;
    }
    if (audio.length() > MAX_FRAME_BYTES) {
      error("audio_frame_too_large", "audio frames must be at most " + MAX_FRAME_BYTES + " bytes");
      return;
    }
    if (audio.isEmpty() || phase != Phase.LIVE || mode != Mode.RELAY) {
      return; // nothing to send, or no upstream to send it to right now: dropped, not counted
    }
    upstream.sendAudio(audio);
    unledgeredBytesIn += audio.length();
  }

  private void onClientText(String text) {
    if (phase == Phase.ENDED) {
      return;
    }
    if (text == null || text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
      error("invalid_text", "text must be 1 to " + MAX_TEXT_LENGTH + " characters");
      return;
    }
    if (!clientCommandAllowed("text")) {
      return;
    }
    touch();
    bargeIn(true);
    Optional<SafetyAssessment> redFlag = e.safety.assess(text, session.language());
    append(MessageRole.USER, Channel.TEXT, MessageStatus.COMPLETE, text, List.of(), Optional.empty(),
        redFlag.isPresent(), Optional.empty());
    upstream.sendText(text);
    if (redFlag.isPresent()) {
      takeSafetyPath(redFlag.get());
    } else {
      upstream.createResponse();
    }
  }

  /** Whether a control command can go upstream now; otherwise the client is told why. */
  private boolean clientCommandAllowed(String command) {
    if (phase == Phase.ENDED) {
      return false;
    }
    if (phase != Phase.LIVE || mode != Mode.RELAY) {
      error("not_ready", command + " is not possible now: the call is "
          + (phase == Phase.CONNECTING ? "still connecting" : "reconnecting"));
      return false;
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Upstream connections.

  private void open(RealtimeSessionConfig config, Purpose purpose) {
    int id = ++upstreamCounter;
    opening = true;
    RealtimeEventListener upstreamListener = event -> {
      if (event.kind() == RealtimeEvent.Kind.AUDIO_CHUNK) {
        mailbox.submitQuick(new UpstreamAudio(id, (RealtimeEvent.AudioChunk) event));
      } else {
        mailbox.submit(() -> onUpstream(id, event));
      }
    };
    CompletionStage<RealtimeConnection> stage;
    try {
      stage = mode == Mode.RELAY ? e.model.open(config, upstreamListener)
          : e.model.attach(session.callId().orElseThrow(), config, upstreamListener);
    } catch (RuntimeException failure) {
      stage = CompletableFuture.failedFuture(failure);
    }
    stage.whenComplete((connection, failure) -> mailbox.submit(() -> onOpened(id, purpose, connection, failure)));
  }

  private void onOpened(int id, Purpose purpose, RealtimeConnection connection, Throwable failure) {
    opening = false;
    if (phase == Phase.ENDED) {
      if (connection != null) {
        closedByUs.add(id);
        connection.close();
      }
      return;
    }
    if (failure != null || connection == null) {
      onOpenFailed(purpose, failure);
      return;
    }
    RealtimeConnection previous = upstream;
    int previousId = activeUpstream;
    upstream = connection;
    activeUpstream = id;
    upstreamOpenedAt = now();
    if (previous != null) {
      closedByUs.add(previousId);
      previous.close();
    }
    if (purpose == Purpose.INITIAL) {
      goLive();
      return;
    }
    reconnectAttempt = 0;
    continuing = false;
    phase = Phase.LIVE;
    emit(new VoiceCallEvent.Resumed(session.id(), now()));
    scheduleContinuation();
    if (responseAfterResume) {
      responseAfterResume = false;
      upstream.createResponse();
    }
  }

  private void goLive() {
    VoiceSessionChange change = VoiceSessions.activate(session, now(), e.settings.maxCallDuration());
    if (change instanceof VoiceSessionChange.Refused) {
      closedByUs.add(activeUpstream);
      upstream.close();
      refuseStart(((VoiceSessionChange.Refused) change).refusal());
      return;
    }
    boolean firstConnect = session.startedAt().isEmpty();
    session = ((VoiceSessionChange.Changed) change).session();
    save();
    phase = Phase.LIVE;
    scheduleDeadlines();
    scheduleContinuation();
    scheduleTick();
    emit(new VoiceCallEvent.SessionReady(session.id(), now()));
    if (firstConnect) {
      String greeting = e.setup.greeting(session, knowledge);
      upstream.createResponse(e.setup.greetingInstructions(baseConfig, session, greeting));
    }
    connected.complete(new ConnectVoiceSessionResult.Connected(this));
  }

  private void onOpenFailed(Purpose purpose, Throwable failure) {
    if (purpose == Purpose.INITIAL) {
      Refusal refusal = VoiceRefusals.of(failure);
      session = VoiceSessions.fail(session, VoiceEndReason.UPSTREAM_FAILED, now());
      save();
      refuseStart(refusal);
      return;
    }
    if (phase == Phase.RECONNECTING) {
      scheduleReconnect();
      return;
    }
    // A continuation failed while the old connection still carries the call: retry with backoff.
    continuing = false;
    reconnectAttempt++;
    if (reconnectAttempt > e.settings.reconnect().maxAttempts()) {
      finish(VoiceEndReason.UPSTREAM_FAILED, true);
      return;
    }
    Duration delay = e.settings.reconnect().backoff(reconnectAttempt, e.random.getAsDouble());
    continuationTimer = e.scheduler.schedule(delay, () -> mailbox.submit(this::continueUpstream));
  }

  private void refuseStart(Refusal refusal) {
    phase = Phase.ENDED;
    cancelTimers();
    e.remove(this);
    connected.complete(new ConnectVoiceSessionResult.Refused(refusal));
    ended.complete(session);
  }

  private void onDrop(String reason) {
    LOG.info(() -> "voice call " + session.id() + ": upstream closed (" + reason + ")");
    settleAll(MessageStatus.FAILED);
    if (responseActive || toolResponsePending) {
      responseAfterResume = true;
    }
    upstream = null;
    activeUpstream = -1;
    responseActive = false;
    userSpeaking = false;
    toolResponsePending = false;
    continuationDue = false;
    cancel(continuationTimer);
    phase = Phase.RECONNECTING;
    if (!opening) {
      scheduleReconnect();
    }
  }

  private void scheduleReconnect() {
    reconnectAttempt++;
    if (reconnectAttempt > e.settings.reconnect().maxAttempts()) {
      finish(VoiceEndReason.UPSTREAM_FAILED, true);
      return;
    }
    emit(new VoiceCallEvent.Reconnecting(session.id(), reconnectAttempt, ReconnectCause.UPSTREAM_DROPPED,
        now()));
    Duration delay = e.settings.reconnect().backoff(reconnectAttempt, e.random.getAsDouble());
    reconnectTimer = e.scheduler.schedule(delay, () -> mailbox.submit(() -> {
      if (phase == Phase.RECONNECTING && !opening) {
        open(restoredConfig(), Purpose.RECONNECT);
      }
    }));
  }

  /** The configuration that restores the call on a new upstream session (sideband: the call itself survives). */
  private RealtimeSessionConfig restoredConfig() {
    if (mode == Mode.SIDEBAND) {
      return baseConfig;
    }
    List<Message> conversation = e.conversations.messages(session.userId(), session.conversationId(),
        Optional.empty(), e.settings.continuationHistory().maxMessages()).items();
    return e.setup.continuation(baseConfig, session, conversation, VoiceSessions.duration(session, now()));
  }

  private void continueUpstream() {
    if (phase != Phase.LIVE || continuing || opening || mode != Mode.RELAY) {
      return;
    }
    Instant upstreamDeadline = upstreamOpenedAt.plus(e.settings.upstreamMaxDuration());
    Instant forceAt = upstreamDeadline.minus(e.settings.continuationLead().dividedBy(2));
    if ((responseActive || userSpeaking) && now().isBefore(forceAt)) {
      // Wait for the turn in flight to finish, but not past the point where the old session may expire.
      continuationDue = true;
      cancel(continuationTimer);
      continuationTimer = e.scheduler.schedule(Duration.between(now(), forceAt),
          () -> mailbox.submit(() -> {
            if (continuationDue) {
              continuationDue = false;
              responseActive = false;
              userSpeaking = false;
              continueUpstream();
            }
          }));
      return;
    }
    continuationDue = false;
    continuing = true;
    // A retry after a failed continuation counts on (the old session still carries the call meanwhile).
    emit(new VoiceCallEvent.Reconnecting(session.id(), reconnectAttempt + 1, ReconnectCause.CONTINUATION, now()));
    open(restoredConfig(), Purpose.CONTINUATION);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Upstream events.

  private void onUpstream(int id, RealtimeEvent event) {
    if (phase == Phase.ENDED) {
      return;
    }
    if (id != activeUpstream) {
      // A connection we replaced or have not switched to yet: only its usage still counts.
      if (event instanceof RealtimeEvent.ResponseDone) {
        recordUsage(((RealtimeEvent.ResponseDone) event).usage());
      }
      return;
    }
    switch (event.kind()) {
      case SPEECH_STARTED:
        touch();
        userSpeaking = true;
        bargeIn(false);
        emit(new VoiceCallEvent.SpeechStarted(session.id(), now()));
        break;
      case SPEECH_STOPPED:
        touch();
        userSpeaking = false;
        emit(new VoiceCallEvent.SpeechStopped(session.id(), now()));
        break;
      case INPUT_AUDIO_COMMITTED:
        touch();
        break;
      case USER_TRANSCRIPT_DELTA:
        emit(new VoiceCallEvent.UserTranscript(session.id(), ((RealtimeEvent.UserTranscriptDelta) event).delta(),
            false, now()));
        break;
      case USER_TRANSCRIPT_FINAL:
        onUserTranscript((RealtimeEvent.UserTranscriptFinal) event);
        break;
      case ASSISTANT_TRANSCRIPT_DELTA:
        onAssistantDelta((RealtimeEvent.AssistantTranscriptDelta) event);
        break;
      case ASSISTANT_TRANSCRIPT_FINAL:
        onAssistantFinal((RealtimeEvent.AssistantTranscriptFinal) event);
        break;
      case AUDIO_CHUNK:
        onAudio((RealtimeEvent.AudioChunk) event);
        break;
      case TOOL_CALL_REQUESTED:
        onToolCall((RealtimeEvent.ToolCallRequested) event);
        break;
      case RESPONSE_DONE:
        onResponseDone((RealtimeEvent.ResponseDone) event);
        break;
      case RATE_LIMITS_UPDATED:
        break;
      case ERROR:
        RealtimeEvent.RealtimeError error = (RealtimeEvent.RealtimeError) event;
        error(error.code(), error.message().isBlank() ? "upstream error" : error.message());
        break;
      case CLOSED:
        if (!closedByUs.remove(id)) {
          onUpstreamClosed((RealtimeEvent.Closed) event);
        }
        break;
      default:
        throw new IllegalStateException("unknown realtime event " + event.kind());
    }
  }

  private void onUpstreamClosed(RealtimeEvent.Closed closed) {
    if (mode == Mode.SIDEBAND && !closed.abnormal()) {
      // The browser's call ended (hang-up, or the provider's own limit): the session ends with it.
      Instant upstreamDeadline = upstreamOpenedAt.plus(e.settings.upstreamMaxDuration());
      finish(now().isBefore(upstreamDeadline.minusSeconds(1)) ? VoiceEndReason.USER_ENDED
          : VoiceEndReason.MAX_DURATION, false);
      return;
    }
    onDrop(closed.reason());
  }

  private void onUserTranscript(RealtimeEvent.UserTranscriptFinal event) {
    touch();
    String transcript = event.transcript().strip();
    emit(new VoiceCallEvent.UserTranscript(session.id(), event.transcript(), true, now()));
    if (transcript.isEmpty() || !storedUserItems.add(event.itemId())) {
      return;
    }
    Optional<SafetyAssessment> redFlag = e.safety.assess(transcript, session.language());
    append(MessageRole.USER, Channel.VOICE, MessageStatus.COMPLETE, transcript, List.of(), Optional.empty(),
        redFlag.isPresent(), key("u", event.itemId()));
    redFlag.ifPresent(this::takeSafetyPath);
  }

  /**
   * A red flag: the coach says the fixed careful reply (whatever the model was about to say is cut), and no plan
   * tool runs for the rest of the call.
   */
  private void takeSafetyPath(SafetyAssessment assessment) {
    redFlagRaised = true;
    bargeIn(true);
    upstream.createResponse(e.setup.sayExactly(baseConfig, session, assessment.reply()));
  }

  /** Whether audio of this item would first store an earlier item ({@link #item} settles those). */
  private boolean startsItemAfterUnstored(String itemId) {
    if (items.containsKey(itemId)) {
      return false;
    }
    for (AssistantItem earlier : items.values()) {
      if (!earlier.settled && earlier.transcriptFinal) {
        return true;
      }
    }
    return false;
  }

  private AssistantItem item(String responseId, String itemId) {
    AssistantItem item = items.get(itemId);
    if (item == null) {
      // The model moved on to a new item: earlier ones are done being said.
      for (AssistantItem earlier : items.values()) {
        if (!earlier.settled && earlier.transcriptFinal) {
          settle(earlier, MessageStatus.COMPLETE);
        }
      }
      item = new AssistantItem(responseId, itemId);
      items.put(itemId, item);
    }
    return item;
  }

  private void onAssistantDelta(RealtimeEvent.AssistantTranscriptDelta event) {
    responseActive = true;
    AssistantItem item = item(event.responseId(), event.itemId());
    if (!item.settled) {
      item.transcript.append(event.delta());
    }
    emit(new VoiceCallEvent.AssistantTranscript(session.id(), event.delta(), false, now()));
  }

  private void onAssistantFinal(RealtimeEvent.AssistantTranscriptFinal event) {
    AssistantItem item = item(event.responseId(), event.itemId());
    if (!item.settled) {
      item.transcript.setLength(0);
      item.transcript.append(event.transcript());
      item.transcriptFinal = true;
      if (item.audioBytes == 0) {
        settle(item, MessageStatus.COMPLETE); // no audio relayed (sideband, or a text-only item)
      }
      e.avatar.speak(session.id(), event.transcript());
    }
    emit(new VoiceCallEvent.AssistantTranscript(session.id(), event.transcript(), true, now()));
  }

  private void onAudio(RealtimeEvent.AudioChunk event) {
    responseActive = true;
    AssistantItem item = item(event.responseId(), event.itemId());
    Pcm16Audio audio = event.audio();
    if (item.settled) {
      return; // truncated: the rest of this item is not played
    }
    if (item.firstAudioAt == null) {
      item.firstAudioAt = now();
      item.contentIndex = event.contentIndex();
    }
    if (!event.itemId().equals(playingItemId)) {
      playingItemId = event.itemId();
      clientPlayedMs = -1;
    }
    item.audioBytes += audio.length();
    unledgeredBytesOut += audio.length();
    emit(new VoiceCallEvent.AssistantAudio(session.id(), audio, now()));
  }

  private void onToolCall(RealtimeEvent.ToolCallRequested event) {
    touch();
    responseActive = true;
    settleAll(MessageStatus.COMPLETE); // what the coach said before calling the tool comes first
    ToolCall call;
    try {
      call = new ToolCall(event.callId(), event.name(), event.arguments());
    } catch (IllegalArgumentException invalid) {
      upstream.sendToolOutput(event.callId(), JsonObject.builder().put("error", "invalid tool call: "
          + invalid.getMessage()).build());
      toolResponsePending = true;
      return;
    }
    emit(new VoiceCallEvent.ToolCallStarted(session.id(), call, now()));
    append(MessageRole.ASSISTANT, Channel.VOICE, MessageStatus.COMPLETE, "", List.of(call), Optional.empty(), false,
        key("c", call.callId()));
    ToolResult result = e.tools.run(call, new ToolInvocation(session.userId(), Optional.of(session.conversationId()),
        session.persona(), !redFlagRaised));
    append(MessageRole.TOOL, Channel.VOICE, MessageStatus.COMPLETE, "", List.of(), Optional.of(result), false,
        key("r", call.callId()));
    emit(new VoiceCallEvent.ToolCallFinished(session.id(), result, now()));
    upstream.sendToolOutput(call.callId(), result.result());
    // The response that called the tool is still open; the next one is asked for when it is done.
    toolResponsePending = true;
  }

  private void onResponseDone(RealtimeEvent.ResponseDone event) {
    touch();
    responseActive = false;
    for (AssistantItem item : new ArrayList<>(items.values())) {
      if (item.settled || !item.responseId.equals(event.responseId())) {
        continue;
      }
      if (event.status() == ResponseStatus.FAILED) {
        settle(item, MessageStatus.FAILED);
      } else if (event.status() != ResponseStatus.COMPLETED) {
        settle(item, MessageStatus.INTERRUPTED);
      } else if (item.audioBytes == 0) {
        settle(item, MessageStatus.COMPLETE);
      }
    }
    recordUsage(event.usage());
    if (phase == Phase.ENDED) {
      return;
    }
    Optional<Refusal> refusal = e.usageGuard.check(session.userId());
    if (refusal.isPresent()) {
      finish(refusal.get().reason() == RefusalReason.RATE_LIMITED ? VoiceEndReason.RATE_LIMITED
          : VoiceEndReason.BUDGET_EXCEEDED, false);
      return;
    }
    if (toolResponsePending) {
      toolResponsePending = false;
      upstream.createResponse();
    } else if (continuationDue) {
      continuationDue = false;
      cancel(continuationTimer);
      continueUpstream();
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Barge-in and storing assistant turns.

  /** The user cut in: what is still playing is truncated where they stopped hearing it and stored as such. */
  private void bargeIn(boolean cancelResponse) {
    boolean wasActive = responseActive;
    if (cancelResponse && responseActive && upstream != null) {
      upstream.cancelResponse();
      responseActive = false;
    }
    for (AssistantItem item : new ArrayList<>(items.values())) {
      if (item.settled) {
        continue;
      }
      long played = playedMs(item);
      boolean stillPlaying = item.audioBytes > 0
          && (played + PLAYED_TOLERANCE_MS < item.audioMs() || !item.transcriptFinal && wasActive);
      boolean cutShort = stillPlaying || !item.transcriptFinal;
      if (stillPlaying && upstream != null && mode == Mode.RELAY) {
        upstream.truncate(item.itemId, item.contentIndex, played);
      }
      settle(item, cutShort ? MessageStatus.INTERRUPTED : MessageStatus.COMPLETE);
    }
    if (mode == Mode.RELAY) {
      e.avatar.interrupt(session.id());
    }
  }

  private long playedMs(AssistantItem item) {
    long received = item.audioMs();
    if (item.itemId.equals(playingItemId) && clientPlayedMs >= 0) {
      return Math.min(clientPlayedMs, received);
    }
    if (item.firstAudioAt == null) {
      return 0;
    }
    return Math.max(0, Math.min(received, Duration.between(item.firstAudioAt, now()).toMillis()));
  }

  private void settleAll(MessageStatus statusIfCut) {
    for (AssistantItem item : new ArrayList<>(items.values())) {
      if (!item.settled) {
        boolean heardInFull = item.transcriptFinal
            && (item.audioBytes == 0 || playedMs(item) + PLAYED_TOLERANCE_MS >= item.audioMs());
        settle(item, heardInFull || statusIfCut == MessageStatus.COMPLETE ? MessageStatus.COMPLETE : statusIfCut);
      }
    }
  }

  /** Stores an assistant item once: in full, or (interrupted, failed) the part of it that was heard. */
  private void settle(AssistantItem item, MessageStatus status) {
    item.settled = true;
    String text = item.transcript.toString();
    if (status == MessageStatus.INTERRUPTED && item.audioBytes > 0) {
      text = heardPart(text, playedMs(item), item.audioMs());
    }
    if (item.transcript.length() == 0) {
      return; // nothing was said that could be stored
    }
    append(MessageRole.ASSISTANT, Channel.VOICE, status, text.strip(), List.of(), Optional.empty(), false,
        key("a", item.itemId));
  }

  /** The transcript cut at the fraction of its audio that was played, extended to the end of the word. */
  static String heardPart(String transcript, long playedMs, long audioMs) {
    if (audioMs <= 0 || playedMs >= audioMs) {
      return transcript;
    }
    int cut = (int) Math.round(transcript.length() * (double) Math.max(0, playedMs) / audioMs);
    while (cut > 0 && cut < transcript.length() && !Character.isWhitespace(transcript.charAt(cut))) {
      cut++;
    }
    return transcript.substring(0, Math.min(cut, transcript.length()));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Usage and limits.

  private void recordUsage(TokenUsage usage) {
    double secondsIn = (double) unledgeredBytesIn / BYTES_PER_SECOND;
    double secondsOut = (double) unledgeredBytesOut / BYTES_PER_SECOND;
    unledgeredBytesIn = 0;
    unledgeredBytesOut = 0;
    UsageEntry entry = e.usageRecorder.record(session.userId(), Optional.of(session.conversationId()),
        Optional.of(session.id()), baseConfig.model(), usage, secondsIn, secondsOut, now());
    tokens = tokens.plus(usage);
    session = VoiceSessions.addUsage(VoiceSessions.addAudio(session, secondsIn, secondsOut), usage,
        entry.costMicros());
    save();
    emit(new VoiceCallEvent.UsageUpdated(session.id(), tokens, session.audioSecondsIn(), session.audioSecondsOut(),
        session.costMicros(), now()));
  }

  /** Audio not yet in a ledger entry goes in a last one with no tokens, so the ledger adds up to the session. */
  private void flushAudio() {
    if (unledgeredBytesIn == 0 && unledgeredBytesOut == 0) {
      return;
    }
    double secondsIn = (double) unledgeredBytesIn / BYTES_PER_SECOND;
    double secondsOut = (double) unledgeredBytesOut / BYTES_PER_SECOND;
    unledgeredBytesIn = 0;
    unledgeredBytesOut = 0;
    e.usageRecorder.record(session.userId(), Optional.of(session.conversationId()), Optional.of(session.id()),
        baseConfig.model(), TokenUsage.ZERO, secondsIn, secondsOut, now());
    session = VoiceSessions.addAudio(session, secondsIn, secondsOut);
  }

  private void scheduleDeadlines() {
    Instant deadline = session.expiresAt();
    for (Duration warning : e.settings.endingWarnings()) {
      Instant at = deadline.minus(warning);
      if (at.isAfter(now())) {
        deadlineTimers.add(e.scheduler.schedule(Duration.between(now(), at), () -> mailbox.submit(() -> {
          if (phase != Phase.ENDED) {
            long secondsLeft = Math.max(0, (Duration.between(now(), deadline).toMillis() + 999) / 1000);
            emit(new VoiceCallEvent.SessionEnding(session.id(), VoiceEndReason.MAX_DURATION, secondsLeft, now()));
          }
        })));
      }
    }
    deadlineTimers.add(e.scheduler.schedule(Duration.between(now(), deadline),
        () -> mailbox.submit(() -> finish(VoiceEndReason.MAX_DURATION, false))));
  }

  private void scheduleContinuation() {
    cancel(continuationTimer);
    continuationTimer = null;
    if (mode != Mode.RELAY) {
      return;
    }
    Instant at = upstreamOpenedAt.plus(e.settings.upstreamMaxDuration()).minus(e.settings.continuationLead());
    if (!at.isBefore(session.expiresAt())) {
      return; // the call ends before this upstream session would
    }
    continuationTimer = e.scheduler.schedule(Duration.between(now(), at), () -> mailbox.submit(this::continueUpstream));
  }

  private void scheduleTick() {
    tickTimer = e.scheduler.schedule(e.settings.tickInterval(), this::readForTick);
  }

  /**
   * A tick first reads the stored session beside the call's mailbox, not in it: audio frames keep flowing while
   * the read waits for the database (in the mailbox they would queue behind it). The rest of the tick runs in the
   * mailbox with what was read; only whether the session is still open is used from it.
   */
  private void readForTick() {
    e.executor.execute(() -> {
      Optional<VoiceSession> stored;
      try {
        stored = e.sessions.find(userId, sessionId);
      } catch (RuntimeException failure) {
        LOG.log(Level.WARNING, "voice call " + sessionId + ": reading the session for a tick failed", failure);
        mailbox.submit(() -> tick(Optional.empty(), false)); // this tick cannot tell whether it ended elsewhere
        return;
      }
      mailbox.submit(() -> tick(stored, true));
    });
  }

  /**
   * Idle timeout, assistant turns whose playback has ended, and a session ended elsewhere (another instance).
   *
   * @param stored the session as stored just before (empty: no longer stored)
   * @param read whether it could be read at all
   */
  private void tick(Optional<VoiceSession> stored, boolean read) {
    if (phase == Phase.ENDED) {
      return;
    }
    if (read && (stored.isEmpty() || !stored.get().isOpen())) {
      VoiceEndReason reason = stored.flatMap(VoiceSession::endReason).orElse(VoiceEndReason.USER_ENDED);
      stored.ifPresent(s -> session = s);
      finishLocally(reason);
      return;
    }
    if (phase == Phase.LIVE && VoiceSessions.isIdle(session, now(), e.settings.idleTimeout())) {
      finish(VoiceEndReason.IDLE_TIMEOUT, false);
      return;
    }
    for (AssistantItem item : new ArrayList<>(items.values())) {
      if (!item.settled && item.transcriptFinal && !responseActive
          && playedMs(item) + PLAYED_TOLERANCE_MS >= item.audioMs()) {
        settle(item, MessageStatus.COMPLETE);
      }
    }
    if (!session.lastActivityAt().equals(lastSaved.lastActivityAt())) {
      save();
    }
    scheduleTick();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Ending.

  private void finish(VoiceEndReason reason, boolean failed) {
    if (phase == Phase.ENDED) {
      return;
    }
    if (phase == Phase.CONNECTING) {
      // Ended before it went live (the client left while we were connecting).
      session = VoiceSessions.end(session, reason, now());
      save();
      refuseStart(Refusal.of(RefusalReason.INVALID_STATE, "The voice call ended before it was connected."));
      return;
    }
    settleAll(failed ? MessageStatus.FAILED : MessageStatus.INTERRUPTED);
    flushAudio();
    session = failed ? VoiceSessions.fail(session, reason, now()) : VoiceSessions.end(session, reason, now());
    save();
    finishLocally(reason);
  }

  /** Stops everything of this call on this server; the stored session is already final. */
  private void finishLocally(VoiceEndReason reason) {
    phase = Phase.ENDED;
    cancelTimers();
    if (upstream != null) {
      closedByUs.add(activeUpstream);
      RealtimeConnection connection = upstream;
      upstream = null;
      connection.close();
    }
    e.remove(this);
    emit(new VoiceCallEvent.SessionEnded(session.id(), reason, now()));
    ended.complete(session);
    connected.complete(new ConnectVoiceSessionResult.Refused(
        Refusal.of(RefusalReason.INVALID_STATE, "The voice call has ended.")));
  }

  private void cancelTimers() {
    deadlineTimers.forEach(VoiceScheduler.Scheduled::cancel);
    deadlineTimers.clear();
    cancel(continuationTimer);
    cancel(reconnectTimer);
    cancel(tickTimer);
  }

  private static void cancel(VoiceScheduler.Scheduled timer) {
    if (timer != null) {
      timer.cancel();
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Helpers.

  private Instant now() {
    return e.clock.instant();
  }

  private void touch() {
    session = VoiceSessions.touch(session, now());
  }

  private void save() {
    if (!e.sessions.update(session)) {
      LOG.warning(() -> "voice session " + session.id() + " is no longer stored");
    }
    lastSaved = session;
  }

  private void emit(VoiceCallEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException failure) {
      LOG.log(Level.WARNING, "voice call listener failed for " + session.id(), failure);
    }
  }

  private void error(String code, String message) {
    String c = code.length() > 64 ? code.substring(0, 64) : code;
    String m = message.length() > 2_000 ? message.substring(0, 2_000) : message;
    emit(new VoiceCallEvent.CallError(session.id(), c, m, now()));
  }

  private Optional<String> key(String kind, String providerId) {
    String key = "voice:" + session.id().value() + ":" + kind + ":" + providerId;
    return key.length() <= 255 ? Optional.of(key) : Optional.empty();
  }

  private void append(MessageRole role, Channel channel, MessageStatus status, String content, List<ToolCall> calls,
      Optional<ToolResult> result, boolean flagged, Optional<String> idempotencyKey) {
    String bounded = content.length() > NewMessage.MAX_CONTENT_LENGTH
        ? content.substring(0, NewMessage.MAX_CONTENT_LENGTH) : content;
    e.conversations.append(session.userId(), session.conversationId(), new NewMessage(MessageId.of(e.ids.next()),
        role, channel, status, bounded, calls, result, Optional.of(session.id()), flagged, idempotencyKey, now()));
  }

  /** For tests and diagnostics: the session as this call last saw it. */
  VoiceSession session() {
    return session;
  }

  boolean isEnded() {
    return phase == Phase.ENDED;
  }

  VoiceSessionStatus status() {
    return session.status();
  }
}
