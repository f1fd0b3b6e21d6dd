package dev.coachkit.server.wiring;

import dev.coachkit.domain.tool.CoachTools;
import dev.coachkit.domain.usage.UsageGuard;
import dev.coachkit.domain.usage.UsageRecorder;
import dev.coachkit.domain.voice.ConnectVoiceSessionService;
import dev.coachkit.domain.voice.EndVoiceSessionService;
import dev.coachkit.domain.voice.GetVoiceSessionService;
import dev.coachkit.domain.voice.IssueRealtimeTokenService;
import dev.coachkit.domain.voice.ReconnectPolicy;
import dev.coachkit.domain.voice.RegisterVoiceCallService;
import dev.coachkit.domain.voice.StartVoiceSessionService;
import dev.coachkit.domain.voice.VoiceCallEngine;
import dev.coachkit.domain.voice.VoiceCallSetup;
import dev.coachkit.domain.voice.VoiceScheduler;
import dev.coachkit.domain.voice.VoiceSettings;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeUseCase;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.out.conversation.ConversationStore;
import dev.coachkit.ports.out.realtime.AvatarOutput;
import dev.coachkit.ports.out.realtime.RealtimeModel;
import dev.coachkit.ports.out.realtime.RealtimeTokenIssuer;
import dev.coachkit.ports.out.voice.VoiceSessionStore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/** Builds the voice-call domain: one call engine per server instance, and the voice use cases around it. */
public class VoiceProducers {

  @Produces
  @Singleton
  VoiceSettings voiceSettings(CoachSettingsConfig config, Clock clock) {
    CoachSettingsConfig.Voice voice = config.voice();
    String transcription = voice.inputTranscriptionModel();
    return VoiceSettings.builder()
        .realtimeModel(voice.model())
        .defaultVoice(voice.defaultVoice())
        .inputTranscriptionModel("none".equals(transcription) ? Optional.empty() : Optional.of(transcription))
        .contextTokenBudget(config.chat().contextTokenBudget())
        .zone(clock.getZone())
        .maxCallDuration(voice.maxCallDuration())
        .maxOpenPerUser(voice.maxOpenPerUser())
        .idleTimeout(voice.idleTimeout())
        .upstreamMaxDuration(voice.upstreamMaxDuration())
        .continuationLead(voice.continuationLead())
        .tokenTtl(voice.tokenTtl())
        .tickInterval(voice.tickInterval())
        .build();
  }

  @Produces
  @Singleton
  AvatarOutput avatar() {
    return AvatarOutput.none();
  }

  @Produces
  @Singleton
  VoiceCallSetup voiceCallSetup(CoachTools tools, VoiceSettings settings) {
    return new VoiceCallSetup(tools, settings);
  }

  @Produces
  @Singleton
  VoiceCallEngine voiceCallEngine(VoiceSessionStore sessions, ConversationStore conversations,
      GetCoachKnowledgeUseCase knowledge, RealtimeModel model, CoachTools tools, VoiceCallSetup setup,
      UsageGuard guard, UsageRecorder recorder, AvatarOutput avatar,
      ServerExecutors executors, IdGenerator ids, Clock clock, VoiceSettings settings, MeterRegistry registry) {
    // Upstream sessions are counted here (drops, continuations); the relay counts what the client sees.
    RealtimeModel metered = new MeteredRealtimeModel(model, registry);
    return new VoiceCallEngine(sessions, conversations, knowledge, metered, tools, setup, guard, recorder, avatar,
        VoiceScheduler.of(executors.voiceTimers()), executors.voiceCalls(), ids, clock, settings);
  }

  @Produces
  @Singleton
  StartVoiceSessionService startVoiceSession(VoiceSessionStore sessions, ConversationStore conversations,
      GetCoachKnowledgeUseCase knowledge, UsageGuard guard, VoiceCallSetup setup, RealtimeTokenIssuer tokens,
      VoiceCallEngine engine, IdGenerator ids, Clock clock, VoiceSettings settings) {
    return new StartVoiceSessionService(sessions, conversations, knowledge, guard, setup, tokens, engine, ids, clock,
        settings);
  }

  @Produces
  @Singleton
  ConnectVoiceSessionService connectVoiceSession(VoiceSessionStore sessions, UsageGuard guard,
      VoiceCallEngine engine, Clock clock) {
    return new ConnectVoiceSessionService(sessions, guard, engine, clock);
  }

  @Produces
  @Singleton
  EndVoiceSessionService endVoiceSession(VoiceSessionStore sessions, VoiceCallEngine engine, Clock clock) {
    return new EndVoiceSessionService(sessions, engine, clock);
  }

  @Produces
  @Singleton
  GetVoiceSessionService getVoiceSession(VoiceSessionStore sessions) {
    return new GetVoiceSessionService(sessions);
  }

  @Produces
  @Singleton
  IssueRealtimeTokenService issueRealtimeToken(VoiceSessionStore sessions, GetCoachKnowledgeUseCase knowledge,
      UsageGuard guard, VoiceCallSetup setup, RealtimeTokenIssuer tokens, Clock clock, VoiceSettings settings) {
    return new IssueRealtimeTokenService(sessions, knowledge, guard, setup, tokens, clock, settings);
  }

  @Produces
  @Singleton
  RegisterVoiceCallService registerVoiceCall(VoiceSessionStore sessions, VoiceCallEngine engine, Clock clock) {
    return new RegisterVoiceCallService(sessions, engine, clock);
  }
}
