package dev.coachkit.domain.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.coachkit.domain.tool.CoachTools;
import dev.coachkit.domain.usage.PriceTable;
import dev.coachkit.domain.usage.UsageLimits;
import dev.coachkit.ports.in.voice.ConnectVoiceSessionCommand;
import dev.coachkit.ports.in.voice.ConnectVoiceSessionResult;
import dev.coachkit.ports.in.voice.EndVoiceSessionCommand;
import dev.coachkit.ports.in.voice.EndVoiceSessionResult;
import dev.coachkit.ports.model.voice.ReconnectCause;
import dev.coachkit.ports.model.voice.VoiceCallEvent;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.conversation.Channel;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.MessageRole;
import dev.coachkit.ports.model.conversation.MessageStatus;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.model.ToolSpec;
import dev.coachkit.ports.model.realtime.RealtimeEvent;
import dev.coachkit.ports.model.usage.UsageEntry;
import dev.coachkit.ports.model.voice.VoiceEndReason;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.model.voice.VoiceSessionStatus;
import dev.coachkit.ports.model.voice.VoiceTransport;
import dev.coachkit.ports.testing.FakeRealtimeModel;
import dev.coachkit.ports.testing.FakeRealtimeModel.Sent;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VoiceCallSessionTest {
  private static final TokenUsage USAGE = new TokenUsage(1_000, 0, 500, 800, 400);

  private static List<String> texts(List<Message> messages) {
    return messages.stream().map(m -> m.role() + " " + m.status() + ": " + m.content()).collect(Collectors.toList());
  }

  private static Optional<String> firstInstructions(FakeRealtimeModel.Connection c) {
    return c.sent().stream().filter(s -> s instanceof Sent.CreateResponse).map(s -> (Sent.CreateResponse) s)
        .findFirst().flatMap(Sent.CreateResponse::instructions);
  }

  // ---- greeting and configuration

  @Test
  void givenEnglishUser_connect_coachGreetsFirstByNameInEnglish() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.bob);

    assertThat(c.upstream.sent().get(0)).isInstanceOf(Sent.CreateResponse.class);
    assertThat(firstInstructions(c.upstream)).hasValueSatisfying(i -> assertThat(i)
        .contains("Hi Bob! I'm your fitness and nutrition coach").contains("You speak first"));
    assertThat(c.events.kinds()).startsWith(VoiceCallEvent.Kind.SESSION_READY);
    assertThat(c.stored().status()).isEqualTo(VoiceSessionStatus.ACTIVE);
    assertThat(c.stored().startedAt()).contains(rig.clock.instant());
  }

  @Test
  void givenSpanishUser_connect_coachGreetsFirstByNameInSpanish() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.ana);

    assertThat(firstInstructions(c.upstream)).hasValueSatisfying(i -> assertThat(i)
        .contains("¡Hola, Ana! Soy tu coach de entrenamiento y nutrición").contains("en español"));
  }

  @Test
  void givenSpanishFitnessUser_connect_upstreamConfigCarriesVoiceModeContextVoiceAndTools() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.ana);

    var config = c.upstream.initialConfig();
    assertThat(config.model()).isEqualTo("gpt-realtime");
    assertThat(config.instructions()).contains("Esto es una llamada de voz: responde con 2-3 frases")
        .contains("What you know about the user").contains("left knee");
    assertThat(config.voice()).isEqualTo("marin");
    assertThat(config.language().getLanguage()).isEqualTo("es");
    assertThat(config.inputTranscriptionModel()).contains("gpt-4o-mini-transcribe");
    assertThat(config.tools()).extracting(ToolSpec::name).contains(CoachTools.CREATE_WORKOUT_PLAN,
        CoachTools.CREATE_NUTRITION_PLAN, CoachTools.GET_USER_PROGRESS);
  }

  // ---- storage as it happens

  @Test
  void givenConversationInCall_transcriptsArrive_storedInOrderWithChannelVoice() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.bob);

    rig.assistantTurn(c.upstream, "resp_1", "item_a1", "Hi Bob! How are you feeling today?", 2_000, USAGE);
    c.call.playbackPosition(2_000);
    assertThat(texts(c.messages())).containsExactly("ASSISTANT COMPLETE: Hi Bob! How are you feeling today?");

    rig.userTurn(c.upstream, "item_u1", "Tired, but I want to get stronger.");
    rig.assistantTurn(c.upstream, "resp_2", "item_a2", "Let's build strength step by step.", 1_500, USAGE);
    c.call.playbackPosition(1_500);
    rig.userTurn(c.upstream, "item_u2", "Sounds good.");

    List<Message> stored = c.messages();
    assertThat(texts(stored)).containsExactly(
        "ASSISTANT COMPLETE: Hi Bob! How are you feeling today?",
        "USER COMPLETE: Tired, but I want to get stronger.",
        "ASSISTANT COMPLETE: Let's build strength step by step.",
        "USER COMPLETE: Sounds good.");
    assertThat(stored).allSatisfy(m -> {
      assertThat(m.channel()).isEqualTo(Channel.VOICE);
      assertThat(m.voiceSessionId()).contains(c.started.id());
    });
    assertThat(stored).extracting(Message::sequence).containsExactly(1L, 2L, 3L, 4L);
    assertThat(c.events.of(VoiceCallEvent.UserTranscript.class)).filteredOn(VoiceCallEvent.UserTranscript::complete)
        .extracting(VoiceCallEvent.UserTranscript::text)
        .containsExactly("Tired, but I want to get stronger.", "Sounds good.");
  }

  @Test
  void givenUserTranscriptStored_callCrashesLater_earlierTurnsAreAlreadyStored() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.bob);
    rig.userTurn(c.upstream, "item_u1", "I slept badly.");
    c.upstream.push(rig.delta("resp_2", "item_a2", "Sorry to hear"));

    // No end, no flush: what is in the store now is what survives a crash.
    assertThat(texts(c.messages())).containsExactly("USER COMPLETE: I slept badly.");
  }

  @Test
  void givenToolCall_modelAsksForWorkoutPlan_planCreatedForCallerAndCallAndResultStored() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.bob);
    rig.userTurn(c.upstream, "item_u1", "Make me a workout plan, three days a week.");

    c.upstream.push(new RealtimeEvent.ToolCallRequested("call_1", CoachTools.CREATE_WORKOUT_PLAN,
        Json.parse("{\"goal\":\"strength\",\"days_per_week\":3,\"session_minutes\":45}"), rig.clock.instant()));

    assertThat(rig.fakes.workoutCommands).hasSize(1);
    assertThat(rig.fakes.workoutCommands.get(0).userId()).isEqualTo(rig.bob);
    List<Message> stored = c.messages();
    assertThat(stored).hasSize(3);
    assertThat(stored.get(1).role()).isEqualTo(MessageRole.ASSISTANT);
    assertThat(stored.get(1).toolCalls()).singleElement().satisfies(call -> {
      assertThat(call.callId()).isEqualTo("call_1");
      assertThat(call.name()).isEqualTo(CoachTools.CREATE_WORKOUT_PLAN);
    });
    assertThat(stored.get(2).role()).isEqualTo(MessageRole.TOOL);
    assertThat(stored.get(2).toolResult()).hasValueSatisfying(r -> assertThat(r.error()).isFalse());
    assertThat(stored).allSatisfy(m -> assertThat(m.channel()).isEqualTo(Channel.VOICE));
    assertThat(c.upstream.sent()).anySatisfy(s -> assertThat(s).isInstanceOfSatisfying(Sent.ToolOutput.class,
        out -> assertThat(out.callId()).isEqualTo("call_1")));
    assertThat(c.events.kinds()).contains(VoiceCallEvent.Kind.TOOL_CALL_STARTED, VoiceCallEvent.Kind.TOOL_CALL_FINISHED);

    long responsesBefore = c.upstream.sent().stream().filter(s -> s instanceof Sent.CreateResponse).count();
    c.upstream.push(rig.done("resp_tool", USAGE));
    List<Sent> sent = c.upstream.sent();
    assertThat(sent.stream().filter(s -> s instanceof Sent.CreateResponse).count()).isEqualTo(responsesBefore + 1);
    assertThat(sent.get(sent.size() - 1)).isEqualTo(new Sent.CreateResponse(Optional.empty()));
  }

  @Test
  void givenInvalidToolArguments_toolCall_modelGetsReadableErrorAndCallGoesOn() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.bob);

    c.upstream.push(new RealtimeEvent.ToolCallRequested("call_x", CoachTools.CREATE_WORKOUT_PLAN,
        Json.parse("{\"goal\":\"strength\",\"days_per_week\":3,\"user_id\":\"someone-else\"}"), rig.clock.instant()));

    assertThat(rig.fakes.workoutCommands).isEmpty();
    assertThat(c.messages().get(1).toolResult()).hasValueSatisfying(r -> assertThat(r.error()).isTrue());
    assertThat(c.events.kinds()).doesNotContain(VoiceCallEvent.Kind.SESSION_ENDED);
  }

  // ---- barge-in

  @Test
  void givenAssistantAudioPlaying_userStartsSpeaking_truncatesAtPlayedPositionAndStoresInterruptedTurn() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.bob);
    String text = "Great question. First we warm up for five minutes, then three rounds of squats.";
    rig.assistantTurn(c.upstream, "resp_1", "item_a1", text, 4_000, USAGE);
    c.call.playbackPosition(1_200);

    c.upstream.push(rig.speechStarted("item_u1"));

    assertThat(c.upstream.sent()).contains(new Sent.Truncate("item_a1", 0, 1_200));
    Message interrupted = c.messages().get(0);
    assertThat(interrupted.role()).isEqualTo(MessageRole.ASSISTANT);
    assertThat(interrupted.status()).isEqualTo(MessageStatus.INTERRUPTED);
    assertThat(interrupted.content()).isEqualTo("Great question. First we");
    assertThat(text).startsWith(interrupted.content());
    assertThat(rig.avatar.calls()).contains("interrupt " + c.started.id());

    rig.userTurn(c.upstream, "item_u1", "Wait, I have a bad knee.");
    assertThat(texts(c.messages())).containsExactly("ASSISTANT INTERRUPTED: Great question. First we",
        "USER COMPLETE: Wait, I have a bad knee.");
  }

  @Test
  void givenAssistantAudioFullyPlayed_userStartsSpeaking_noTruncationAndTurnComplete() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.bob);
    rig.assistantTurn(c.upstream, "resp_1", "item_a1", "How did you sleep?", 1_000, USAGE);
    rig.clock.advance(Duration.ofSeconds(2)); // no position report: played time is estimated from the clock

    c.upstream.push(rig.speechStarted("item_u1"));

    assertThat(c.upstream.sent()).noneMatch(s -> s instanceof Sent.Truncate);
    assertThat(texts(c.messages())).containsExactly("ASSISTANT COMPLETE: How did you sleep?");
  }

  @Test
  void givenResponseStreaming_clientCancels_responseCancelledAndPartialTurnStoredInterrupted() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.bob);
    c.upstream.push(rig.delta("resp_1", "item_a1", "Let me explain the whole program in detail"));
    c.upstream.push(rig.audio("resp_1", "item_a1", 2_000));
    c.call.playbackPosition(1_000);

    c.call.cancel();

    assertThat(c.upstream.sent()).contains(new Sent.CancelResponse(), new Sent.Truncate("item_a1", 0, 1_000));
    assertThat(c.messages()).singleElement().satisfies(m -> {
      assertThat(m.status()).isEqualTo(MessageStatus.INTERRUPTED);
      assertThat(m.content()).isEqualTo("Let me explain the whole");
    });
  }

  @Test
  void givenPartlyPlayedAudio_heardPart_cutsTranscriptAtPlayedFractionOnWordEnd() {
    assertThat(VoiceCallSession.heardPart("one two three four", 500, 1_000)).isEqualTo("one two three");
    assertThat(VoiceCallSession.heardPart("one two three four", 0, 1_000)).isEmpty();
    assertThat(VoiceCallSession.heardPart("one two", 2_000, 1_000)).isEqualTo("one two");
  }

  // ---- usage

  @Test
  void givenAudioBothWays_responseDone_ledgerAndSessionRecordTokensCostAndAudioSeconds() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.bob);
    c.call.sendAudio(VoiceRig.pcm(1_000));
    c.call.sendAudio(VoiceRig.pcm(500));

    rig.assistantTurn(c.upstream, "resp_1", "item_a1", "Hello!", 2_000, USAGE);

    long expectedCost = PriceTable.costMicros(VoiceRig.PRICE, USAGE);
    assertThat(expectedCost).isPositive();
    List<UsageEntry> entries = rig.ledger.entriesOf(rig.bob);
    assertThat(entries).singleElement().satisfies(entry -> {
      assertThat(entry.voiceSessionId()).contains(c.started.id());
      assertThat(entry.conversationId()).contains(c.started.conversationId());
      assertThat(entry.model()).isEqualTo(VoiceRig.MODEL);
      assertThat(entry.tokens()).isEqualTo(USAGE);
      assertThat(entry.costMicros()).isEqualTo(expectedCost);
      assertThat(entry.audioSecondsIn()).isEqualTo(1.5);
      assertThat(entry.audioSecondsOut()).isEqualTo(2.0);
    });
    VoiceSession stored = c.stored();
    assertThat(stored.tokensIn()).isEqualTo(1_000);
    assertThat(stored.tokensOut()).isEqualTo(500);
    assertThat(stored.costMicros()).isEqualTo(expectedCost);
    assertThat(stored.audioSecondsIn()).isEqualTo(1.5);
    assertThat(stored.audioSecondsOut()).isEqualTo(2.0);
    VoiceCallEvent.UsageUpdated update = c.events.of(VoiceCallEvent.UsageUpdated.class).get(0);
    assertThat(update.tokens()).isEqualTo(USAGE);
    assertThat(update.costMicros()).isEqualTo(expectedCost);
    assertThat(c.upstream.sent()).filteredOn(s -> s instanceof Sent.Audio).hasSize(2);
  }

  // ---- client disconnect and ending

  @Test
  void givenLiveCall_clientDisconnects_upstreamClosedSessionEndedDurationAndUsageRecorded() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.bob);
    rig.assistantTurn(c.upstream, "resp_1", "item_a1", "Hello!", 1_000, USAGE);
    rig.scheduler.advance(Duration.ofSeconds(42));
    c.call.sendAudio(VoiceRig.pcm(250)); // after the last response: flushed at the end

    c.call.disconnected();

    assertThat(c.upstream.isClosed()).isTrue();
    assertThat(c.upstream.sent()).contains(new Sent.Close());
    VoiceSession stored = c.stored();
    assertThat(stored.status()).isEqualTo(VoiceSessionStatus.ENDED);
    assertThat(stored.endReason()).contains(VoiceEndReason.CLIENT_DISCONNECTED);
    assertThat(VoiceSessions.duration(stored, rig.clock.instant())).isEqualTo(Duration.ofSeconds(42));
    assertThat(stored.tokensIn()).isEqualTo(1_000);
    assertThat(stored.audioSecondsIn()).isEqualTo(0.25);
    assertThat(rig.ledger.summarizeSession(rig.bob, c.started.id()).audioSecondsIn()).isEqualTo(0.25);
    assertThat(c.events.last()).isEqualTo(
        new VoiceCallEvent.SessionEnded(c.started.id(), VoiceEndReason.CLIENT_DISCONNECTED, rig.clock.instant()));
    assertThat(rig.engine.isLive(c.started.id())).isFalse();
    assertThat(rig.scheduler.pending()).isZero();
  }

  @Test
  void givenEndedCall_clientKeepsSending_ignoredNothingStoredNoEventsAfterSessionEnded() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.bob);
    rig.userTurn(c.upstream, "item_u1", "Bye.");
    c.call.end();
    int events = c.events.events().size();
    List<Message> before = c.messages();

    c.call.sendAudio(VoiceRig.pcm(100));
    c.call.sendText("hello?");
    c.call.playbackPosition(10);
    c.call.cancel();
    c.upstream.push(rig.userSaid("item_u2", "late transcript"));

    assertThat(c.events.events()).hasSize(events);
    assertThat(c.events.last().kind()).isEqualTo(VoiceCallEvent.Kind.SESSION_ENDED);
    assertThat(c.messages()).isEqualTo(before);
    assertThat(c.stored().endReason()).contains(VoiceEndReason.USER_ENDED);
  }

  @Test
  void givenLiveCall_endUseCase_endsCallThroughItsOrchestration() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.bob);

    EndVoiceSessionResult result = rig.end.end(new EndVoiceSessionCommand(rig.bob, c.started.id(),
        VoiceEndReason.USER_ENDED));

    assertThat(result).isInstanceOfSatisfying(EndVoiceSessionResult.Ended.class,
        ended -> assertThat(ended.session().status()).isEqualTo(VoiceSessionStatus.ENDED));
    assertThat(c.upstream.isClosed()).isTrue();
    assertThat(c.events.last().kind()).isEqualTo(VoiceCallEvent.Kind.SESSION_ENDED);
  }

  // ---- bad input

  @Test
  void givenLiveCall_oddOrOversizedAudio_errorEventNothingSentCallSurvives() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.bob);

    c.call.sendAudio(new byte[3]);
    c.call.sendAudio(new byte[64 * 1024 + 2]);
    c.call.sendAudio((byte[]) null);
    c.call.sendText("   ");
    c.call.playbackPosition(-5);

    assertThat(c.events.of(VoiceCallEvent.CallError.class)).extracting(VoiceCallEvent.CallError::code)
        .containsExactly("invalid_audio", "audio_frame_too_large", "invalid_audio", "invalid_text",
            "invalid_playback_position");
    assertThat(c.upstream.sent()).noneMatch(s -> s instanceof Sent.Audio || s instanceof Sent.Text);
    c.call.sendAudio(VoiceRig.pcm(20));
    assertThat(c.upstream.sent()).filteredOn(s -> s instanceof Sent.Audio).hasSize(1);
    assertThat(c.messages()).isEmpty();
  }

  @Test
  void givenUpstreamError_errorEvent_reachesClientAndCallContinues() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.bob);

    c.upstream.push(new RealtimeEvent.RealtimeError("invalid_value", "Audio buffer too small", rig.clock.instant()));

    assertThat(c.events.of(VoiceCallEvent.CallError.class)).singleElement().satisfies(err -> {
      assertThat(err.code()).isEqualTo("invalid_value");
      assertThat(err.message()).isEqualTo("Audio buffer too small");
    });
    rig.userTurn(c.upstream, "item_u1", "Still there?");
    assertThat(c.messages()).hasSize(1);
    assertThat(c.stored().status()).isEqualTo(VoiceSessionStatus.ACTIVE);
  }

  @Test
  void givenUserTypesDuringCall_text_storedSentUpstreamAndAnswered() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.bob);

    c.call.sendText("My email is not important, but my knee hurts.");

    assertThat(c.upstream.sent()).containsSubsequence(new Sent.Text("My email is not important, but my knee hurts."),
        new Sent.CreateResponse(Optional.empty()));
    assertThat(c.messages()).singleElement().satisfies(m -> {
      assertThat(m.role()).isEqualTo(MessageRole.USER);
      assertThat(m.channel()).isEqualTo(Channel.TEXT);
      assertThat(m.voiceSessionId()).contains(c.started.id());
    });
  }

  // ---- safety

  @Test
  void givenRedFlagSpoken_transcript_flaggedCarefulReplySpokenAndNoPlanTool() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.bob);

    rig.userTurn(c.upstream, "item_u1", "I have chest pain when I run");
    c.upstream.push(new RealtimeEvent.ToolCallRequested("call_1", CoachTools.CREATE_WORKOUT_PLAN,
        Json.parse("{\"goal\":\"strength\",\"days_per_week\":3,\"session_minutes\":45}"), rig.clock.instant()));

    assertThat(c.messages().get(0).flaggedForReview()).isTrue();
    List<Sent.CreateResponse> responses = c.upstream.sent().stream().filter(s -> s instanceof Sent.CreateResponse)
        .map(s -> (Sent.CreateResponse) s).collect(Collectors.toList());
    assertThat(responses.get(responses.size() - 1).instructions())
        .hasValueSatisfying(i -> assertThat(i).contains("Say exactly this").contains("emergency"));
    assertThat(rig.fakes.workoutCommands).isEmpty();
    assertThat(c.messages().get(2).toolResult()).hasValueSatisfying(r -> assertThat(r.error()).isTrue());
  }

  // ---- limits

  @Test
  void givenMaxDuration_timePasses_warnsWithSecondsLeftThenEnds() {
    VoiceRig rig = new VoiceRig(VoiceSettings.builder().maxCallDuration(Duration.ofSeconds(30))
        .endingWarnings(List.of(Duration.ofSeconds(10), Duration.ofSeconds(3))).idleTimeout(Duration.ofMinutes(5))
        .build());
    VoiceRig.Call c = rig.call(rig.bob);

    rig.scheduler.advance(Duration.ofSeconds(20));
    assertThat(c.events.of(VoiceCallEvent.SessionEnding.class)).singleElement().satisfies(w -> {
      assertThat(w.reason()).isEqualTo(VoiceEndReason.MAX_DURATION);
      assertThat(w.secondsLeft()).isEqualTo(10);
    });
    rig.scheduler.advance(Duration.ofSeconds(7));
    assertThat(c.events.of(VoiceCallEvent.SessionEnding.class)).extracting(VoiceCallEvent.SessionEnding::secondsLeft)
        .containsExactly(10L, 3L);
    assertThat(c.stored().isOpen()).isTrue();

    rig.scheduler.advance(Duration.ofSeconds(3));
    assertThat(c.events.last()).isInstanceOfSatisfying(VoiceCallEvent.SessionEnded.class,
        ended -> assertThat(ended.reason()).isEqualTo(VoiceEndReason.MAX_DURATION));
    assertThat(c.stored().status()).isEqualTo(VoiceSessionStatus.ENDED);
    assertThat(c.stored().endedAt()).contains(c.stored().startedAt().get().plusSeconds(30));
    assertThat(c.upstream.isClosed()).isTrue();
  }

  @Test
  void givenNothingHappens_idleTimeoutPasses_callEndsIdle() {
    VoiceRig rig = new VoiceRig(VoiceSettings.builder().idleTimeout(Duration.ofSeconds(20))
        .tickInterval(Duration.ofSeconds(1)).build());
    VoiceRig.Call c = rig.call(rig.bob);

    rig.scheduler.advance(Duration.ofSeconds(15));
    rig.userTurn(c.upstream, "item_u1", "Hmm, let me think.");
    rig.scheduler.advance(Duration.ofSeconds(15));
    assertThat(c.stored().isOpen()).isTrue();

    rig.scheduler.advance(Duration.ofSeconds(6));
    assertThat(c.stored().endReason()).contains(VoiceEndReason.IDLE_TIMEOUT);
    assertThat(c.events.last()).isInstanceOfSatisfying(VoiceCallEvent.SessionEnded.class,
        ended -> assertThat(ended.reason()).isEqualTo(VoiceEndReason.IDLE_TIMEOUT));
  }

  @Test
  void givenBudgetRunsOutMidCall_responseDone_callEndsWithBudgetExceeded() {
    long costPerResponse = PriceTable.costMicros(VoiceRig.PRICE, USAGE);
    VoiceRig rig = new VoiceRig(VoiceSettings.defaults(),
        new UsageLimits(costPerResponse * 2, 1_000, ZoneId.of("UTC")), Runnable::run);
    VoiceRig.Call c = rig.call(rig.bob);

    rig.assistantTurn(c.upstream, "resp_1", "item_a1", "Hi!", 500, USAGE);
    assertThat(c.stored().isOpen()).isTrue();
    rig.assistantTurn(c.upstream, "resp_2", "item_a2", "And more.", 500, USAGE);

    assertThat(c.stored().endReason()).contains(VoiceEndReason.BUDGET_EXCEEDED);
    assertThat(c.events.last()).isInstanceOfSatisfying(VoiceCallEvent.SessionEnded.class,
        ended -> assertThat(ended.reason()).isEqualTo(VoiceEndReason.BUDGET_EXCEEDED));
    assertThat(c.upstream.isClosed()).isTrue();
    assertThat(rig.ledger.entriesOf(rig.bob)).hasSize(2);
  }

  @Test
  void givenRateLimitHitMidCall_responseDone_callEndsRateLimited() {
    VoiceRig rig = new VoiceRig(VoiceSettings.defaults(), new UsageLimits(1_000_000, 2, ZoneId.of("UTC")),
        Runnable::run);
    VoiceRig.Call c = rig.call(rig.bob);

    rig.assistantTurn(c.upstream, "resp_1", "item_a1", "Hi!", 500, USAGE);
    rig.assistantTurn(c.upstream, "resp_2", "item_a2", "Again.", 500, USAGE);

    assertThat(c.stored().endReason()).contains(VoiceEndReason.RATE_LIMITED);
  }

  @Test
  void givenBudgetAlreadyUsedUp_connect_refusedAndNoUpstreamOpened() {
    long costPerResponse = PriceTable.costMicros(VoiceRig.PRICE, USAGE);
    VoiceRig rig = new VoiceRig(VoiceSettings.defaults(),
        new UsageLimits(costPerResponse, 1_000, ZoneId.of("UTC")), Runnable::run);
    VoiceSession session = rig.startSession(rig.bob, VoiceTransport.RELAY);
    rig.ledger.record(new UsageEntry(dev.coachkit.ports.testing.TestIds.usageEntry(), rig.bob, Optional.empty(),
        Optional.empty(), VoiceRig.MODEL, USAGE, 0, 0, costPerResponse, rig.clock.instant()));

    ConnectVoiceSessionResult result = VoiceRig.await(rig.connect.connect(
        new ConnectVoiceSessionCommand(rig.bob, session.id(), new RecordingCallListener())));

    assertThat(result).isInstanceOfSatisfying(ConnectVoiceSessionResult.Refused.class,
        r -> assertThat(r.refusal().reason()).isEqualTo(RefusalReason.BUDGET_EXCEEDED));
    assertThat(rig.model.connections()).isEmpty();
  }

  // ---- continuation across the upstream limit

  @Test
  void givenUpstreamLimitNear_continuation_newUpstreamCarriesRecentTurnsAndCallGoesOn() {
    VoiceRig rig = new VoiceRig(VoiceSettings.builder().upstreamMaxDuration(Duration.ofSeconds(60))
        .continuationLead(Duration.ofSeconds(10)).idleTimeout(Duration.ofMinutes(5)).build());
    VoiceRig.Call c = rig.call(rig.bob);
    rig.assistantTurn(c.upstream, "resp_1", "item_a1", "Hi Bob! How are you feeling today?", 1_000, USAGE);
    rig.scheduler.advance(Duration.ofSeconds(2));
    rig.userTurn(c.upstream, "item_u1", "I want to get stronger for hiking.");
    rig.assistantTurn(c.upstream, "resp_2", "item_a2", "Great goal, let's plan for it.", 1_000, USAGE);
    c.call.playbackPosition(1_000);

    rig.scheduler.advance(Duration.ofSeconds(47));
    assertThat(rig.model.connections()).hasSize(1);
    rig.scheduler.advance(Duration.ofSeconds(1));

    assertThat(rig.model.connections()).hasSize(2);
    FakeRealtimeModel.Connection next = rig.model.lastConnection();
    assertThat(next.initialConfig().instructions()).contains("This call so far")
        .contains("User: I want to get stronger for hiking.").contains("Coach: Great goal, let's plan for it.")
        .contains("Do not greet again").contains("keep answering in speech");
    assertThat(next.initialConfig().tools()).isEqualTo(c.upstream.initialConfig().tools());
    assertThat(c.upstream.isClosed()).isTrue();
    assertThat(next.sent()).noneMatch(s -> s instanceof Sent.CreateResponse);
    assertThat(c.events.kinds()).containsSubsequence(VoiceCallEvent.Kind.RECONNECTING, VoiceCallEvent.Kind.RESUMED);
    assertThat(c.events.of(VoiceCallEvent.Reconnecting.class)).singleElement()
        .satisfies(r -> assertThat(r.cause()).isEqualTo(ReconnectCause.CONTINUATION))
        .satisfies(r -> assertThat(r.attempt()).isEqualTo(1));
    assertThat(c.events.kinds()).doesNotContain(VoiceCallEvent.Kind.SESSION_ENDED);

    c.call.sendAudio(VoiceRig.pcm(20));
    assertThat(next.sent()).filteredOn(s -> s instanceof Sent.Audio).hasSize(1);
    rig.userTurn(next, "item_u2", "What should I do first?");
    assertThat(texts(c.messages())).endsWith("USER COMPLETE: What should I do first?");

    rig.scheduler.advance(Duration.ofSeconds(50));
    assertThat(rig.model.connections()).hasSize(3); // and again before the second upstream limit
  }

  @Test
  void givenContinuationOpenFails_continuation_retriesWithTheNextAttemptAndTheSameCause() {
    VoiceRig rig = new VoiceRig(VoiceSettings.builder().upstreamMaxDuration(Duration.ofSeconds(60))
        .continuationLead(Duration.ofSeconds(10)).idleTimeout(Duration.ofMinutes(5))
        .reconnect(new ReconnectPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(4), 0.2)).build());
    VoiceRig.Call c = rig.call(rig.bob);
    rig.model.failNextOpen(new ModelFailure(ModelFailure.Kind.UNAVAILABLE, "openai", "down"));

    rig.scheduler.advance(Duration.ofSeconds(50)); // the continuation's open fails; the old session carries on
    rig.scheduler.advance(Duration.ofMillis(500)); // retried after the backoff, and it works

    assertThat(c.events.of(VoiceCallEvent.Reconnecting.class))
        .extracting(VoiceCallEvent.Reconnecting::attempt, VoiceCallEvent.Reconnecting::cause)
        .containsExactly(tuple(1, ReconnectCause.CONTINUATION), tuple(2, ReconnectCause.CONTINUATION));
    assertThat(c.events.last().kind()).isEqualTo(VoiceCallEvent.Kind.RESUMED);
    assertThat(rig.model.connections()).hasSize(2);
  }

  @Test
  void givenResponseInFlightAtContinuationTime_continuation_waitsForResponseDone() {
    VoiceRig rig = new VoiceRig(VoiceSettings.builder().upstreamMaxDuration(Duration.ofSeconds(60))
        .continuationLead(Duration.ofSeconds(10)).idleTimeout(Duration.ofMinutes(5)).build());
    VoiceRig.Call c = rig.call(rig.bob);
    rig.scheduler.advance(Duration.ofSeconds(49));
    c.upstream.push(rig.delta("resp_1", "item_a1", "Here is the"));

    rig.scheduler.advance(Duration.ofSeconds(1));
    assertThat(rig.model.connections()).hasSize(1);

    c.upstream.push(rig.assistantFinal("resp_1", "item_a1", "Here is the plan."));
    c.upstream.push(rig.done("resp_1", USAGE));
    assertThat(rig.model.connections()).hasSize(2);
  }

  // ---- faults

  @Test
  void givenUpstreamDrops_reconnectsWithBackoffRestoresContextAndResumes() {
    VoiceRig rig = new VoiceRig(VoiceSettings.builder().reconnect(new ReconnectPolicy(3, Duration.ofMillis(500),
        Duration.ofSeconds(4), 0.2)).build());
    VoiceRig.Call c = rig.call(rig.bob);
    rig.userTurn(c.upstream, "item_u1", "I run three times a week.");

    c.upstream.drop("connection reset");

    assertThat(c.events.last()).isInstanceOfSatisfying(VoiceCallEvent.Reconnecting.class, r -> {
      assertThat(r.attempt()).isEqualTo(1);
      assertThat(r.cause()).isEqualTo(ReconnectCause.UPSTREAM_DROPPED);
    });
    c.call.sendAudio(VoiceRig.pcm(20)); // dropped while reconnecting, not counted
    rig.scheduler.advance(Duration.ofMillis(499));
    assertThat(rig.model.connections()).hasSize(1);
    rig.scheduler.advance(Duration.ofMillis(1));
    assertThat(rig.model.connections()).hasSize(2);
    FakeRealtimeModel.Connection next = rig.model.lastConnection();
    assertThat(next.initialConfig().instructions()).contains("User: I run three times a week.");
    assertThat(c.events.last().kind()).isEqualTo(VoiceCallEvent.Kind.RESUMED);
    assertThat(c.stored().status()).isEqualTo(VoiceSessionStatus.ACTIVE);

    rig.userTurn(next, "item_u2", "Still there?");
    assertThat(c.messages()).hasSize(2);
  }

  @Test
  void givenUpstreamKeepsFailing_reconnect_backsOffExponentiallyThenEndsFailed() {
    VoiceRig rig = new VoiceRig(VoiceSettings.builder().reconnect(new ReconnectPolicy(3, Duration.ofMillis(500),
        Duration.ofSeconds(4), 0.2)).build());
    VoiceRig.Call c = rig.call(rig.bob);
    ModelFailure down = new ModelFailure(ModelFailure.Kind.UNAVAILABLE, "openai", "down");

    c.upstream.drop("gone");
    rig.model.failNextOpen(down);
    rig.scheduler.advance(Duration.ofMillis(500)); // attempt 1 fails
    assertThat(c.events.last()).isInstanceOfSatisfying(VoiceCallEvent.Reconnecting.class,
        r -> assertThat(r.attempt()).isEqualTo(2));
    rig.model.failNextOpen(down);
    rig.scheduler.advance(Duration.ofMillis(999));
    assertThat(c.events.last()).isInstanceOfSatisfying(VoiceCallEvent.Reconnecting.class,
        r -> assertThat(r.attempt()).isEqualTo(2));
    rig.scheduler.advance(Duration.ofMillis(1)); // attempt 2 (after 1 s) fails
    rig.model.failNextOpen(down);
    rig.scheduler.advance(Duration.ofMillis(2_000)); // attempt 3 (after 2 s) fails: no attempts left

    assertThat(c.events.of(VoiceCallEvent.Reconnecting.class)).extracting(VoiceCallEvent.Reconnecting::attempt)
        .containsExactly(1, 2, 3);
    assertThat(c.events.of(VoiceCallEvent.Reconnecting.class)).extracting(VoiceCallEvent.Reconnecting::cause)
        .containsOnly(ReconnectCause.UPSTREAM_DROPPED);
    assertThat(c.events.last()).isInstanceOfSatisfying(VoiceCallEvent.SessionEnded.class,
        ended -> assertThat(ended.reason()).isEqualTo(VoiceEndReason.UPSTREAM_FAILED));
    assertThat(c.stored().status()).isEqualTo(VoiceSessionStatus.FAILED);
    assertThat(rig.model.connections()).hasSize(1);
  }

  @Test
  void givenDropMidResponse_reconnect_partialTurnKeptAsFailedAndCoachPicksUp() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.bob);
    rig.userTurn(c.upstream, "item_u1", "How many sets?");
    c.upstream.push(rig.delta("resp_1", "item_a1", "Do three sets of"));
    c.upstream.push(rig.audio("resp_1", "item_a1", 800));

    c.upstream.drop("reset");
    rig.scheduler.advance(Duration.ofSeconds(1));

    assertThat(texts(c.messages())).containsExactly("USER COMPLETE: How many sets?",
        "ASSISTANT FAILED: Do three sets of");
    assertThat(rig.model.lastConnection().sent()).contains(new Sent.CreateResponse(Optional.empty()));
  }

  @Test
  void givenUpstreamCannotOpen_connect_refusedAndSessionFailed() {
    VoiceRig rig = new VoiceRig();
    VoiceSession session = rig.startSession(rig.bob, VoiceTransport.RELAY);
    rig.model.failNextOpen(new ModelFailure(ModelFailure.Kind.NOT_CONFIGURED, "openai", "no key"));

    ConnectVoiceSessionResult result = VoiceRig.await(rig.connect.connect(
        new ConnectVoiceSessionCommand(rig.bob, session.id(), new RecordingCallListener())));

    assertThat(result).isInstanceOfSatisfying(ConnectVoiceSessionResult.Refused.class,
        r -> assertThat(r.refusal().reason()).isEqualTo(RefusalReason.MODEL_NOT_CONFIGURED));
    assertThat(rig.get.get(new dev.coachkit.ports.in.voice.GetVoiceSessionQuery(rig.bob, session.id())))
        .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(VoiceSessionStatus.FAILED));
    assertThat(rig.engine.isLive(session.id())).isFalse();
  }

  @Test
  void givenCallLive_connectAgain_refusedAsAlreadyConnected() {
    VoiceRig rig = new VoiceRig();
    VoiceRig.Call c = rig.call(rig.bob);

    ConnectVoiceSessionResult again = VoiceRig.await(rig.connect.connect(
        new ConnectVoiceSessionCommand(rig.bob, c.started.id(), new RecordingCallListener())));

    assertThat(again).isInstanceOfSatisfying(ConnectVoiceSessionResult.Refused.class,
        r -> assertThat(r.refusal().reason()).isEqualTo(RefusalReason.INVALID_STATE));
    assertThat(rig.model.connections()).hasSize(1);
  }

  @Test
  void givenAnotherUsersSession_connect_notFound() {
    VoiceRig rig = new VoiceRig();
    VoiceSession bobs = rig.startSession(rig.bob, VoiceTransport.RELAY);

    ConnectVoiceSessionResult result = VoiceRig.await(rig.connect.connect(
        new ConnectVoiceSessionCommand(rig.ana, bobs.id(), new RecordingCallListener())));

    assertThat(result).isInstanceOfSatisfying(ConnectVoiceSessionResult.Refused.class,
        r -> assertThat(r.refusal().reason()).isEqualTo(RefusalReason.NOT_FOUND));
  }

  @Test
  void givenSessionEndedElsewhere_tick_callEndsLocallyWithoutOverwritingStore() {
    VoiceRig rig = new VoiceRig(VoiceSettings.builder().tickInterval(Duration.ofSeconds(1)).build());
    VoiceRig.Call c = rig.call(rig.bob);
    rig.sessions.update(VoiceSessions.end(c.stored(), VoiceEndReason.SERVER_SHUTDOWN, rig.clock.instant()));

    rig.scheduler.advance(Duration.ofSeconds(1));

    assertThat(c.upstream.isClosed()).isTrue();
    assertThat(c.stored().endReason()).contains(VoiceEndReason.SERVER_SHUTDOWN);
    assertThat(c.events.last()).isInstanceOfSatisfying(VoiceCallEvent.SessionEnded.class,
        ended -> assertThat(ended.reason()).isEqualTo(VoiceEndReason.SERVER_SHUTDOWN));
  }
}
