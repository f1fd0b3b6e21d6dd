package dev.coachkit.domain.voice;

import dev.coachkit.domain.persona.CoachLanguage;
import dev.coachkit.domain.usage.UsageGuard;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeQuery;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeUseCase;
import dev.coachkit.ports.in.voice.StartVoiceSessionCommand;
import dev.coachkit.ports.in.voice.StartVoiceSessionResult;
import dev.coachkit.ports.in.voice.StartVoiceSessionUseCase;
import dev.coachkit.ports.model.coaching.CoachKnowledge;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.conversation.Conversation;
import dev.coachkit.ports.model.conversation.NewConversation;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.realtime.EphemeralToken;
import dev.coachkit.ports.model.voice.VoiceEndReason;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.model.voice.VoiceTransport;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.out.conversation.ConversationStore;
import dev.coachkit.ports.out.realtime.RealtimeTokenIssuer;
import dev.coachkit.ports.out.voice.VoiceSessionCreation;
import dev.coachkit.ports.out.voice.VoiceSessionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Starts a voice session: voice, persona and language from the request, else the profile, else the defaults;
 * daily budget and rate limit first; stale open sessions of the user (past their deadline, or idle with no live
 * call here) are expired to free the one-open-session slot, which the store then enforces atomically. Without a
 * conversation id the call gets a new conversation. A WebRTC session also gets an ephemeral token configured for
 * the call (instructions, voice, tools), so the browser talks to the model directly; the server's key never
 * leaves the server. If the token cannot be issued the session is marked FAILED and the start refused.
 */
public final class StartVoiceSessionService implements StartVoiceSessionUseCase {
  private final VoiceSessionStore sessions;
  private final ConversationStore conversations;
  private final GetCoachKnowledgeUseCase knowledge;
  private final UsageGuard usageGuard;
  private final VoiceCallSetup setup;
  private final RealtimeTokenIssuer tokens;
  private final VoiceCallEngine engine;
  private final IdGenerator ids;
  private final Clock clock;
  private final VoiceSettings settings;

  public StartVoiceSessionService(VoiceSessionStore sessions, ConversationStore conversations,
      GetCoachKnowledgeUseCase knowledge, UsageGuard usageGuard, VoiceCallSetup setup, RealtimeTokenIssuer tokens,
      VoiceCallEngine engine, IdGenerator ids, Clock clock, VoiceSettings settings) {
    this.sessions = Objects.requireNonNull(sessions, "sessions must not be null");
    this.conversations = Objects.requireNonNull(conversations, "conversations must not be null");
    this.knowledge = Objects.requireNonNull(knowledge, "knowledge must not be null");
    this.usageGuard = Objects.requireNonNull(usageGuard, "usageGuard must not be null");
    this.setup = Objects.requireNonNull(setup, "setup must not be null");
    this.tokens = Objects.requireNonNull(tokens, "tokens must not be null");
    this.engine = Objects.requireNonNull(engine, "engine must not be null");
    this.ids = Objects.requireNonNull(ids, "ids must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
  }

  @Override
  public StartVoiceSessionResult start(StartVoiceSessionCommand command) {
    Objects.requireNonNull(command, "command must not be null");
    CoachKnowledge known = knowledge.get(new GetCoachKnowledgeQuery(command.userId()));
    Optional<CoachProfile> profile = known.profile();
    Persona persona = command.persona().or(() -> profile.map(CoachProfile::persona)).orElse(Persona.FITNESS_COACH);
    Locale language = command.language().or(() -> profile.map(CoachProfile::language)).orElse(Locale.ENGLISH);
    String voice = command.voice().or(() -> profile.flatMap(CoachProfile::preferredVoice))
        .orElse(settings.defaultVoice());

    Optional<Refusal> limit = usageGuard.check(command.userId());
    if (limit.isPresent()) {
      return new StartVoiceSessionResult.Refused(limit.get());
    }
    Instant now = clock.instant();
    long open = 0;
    for (VoiceSession s : sessions.openSessions(command.userId())) {
      if (!engine.isLive(s.id()) && VoiceSessions.isStale(s, now, settings.idleTimeout())) {
        sessions.update(VoiceSessions.expire(s, now));
      } else {
        open++;
      }
    }
    if (open >= settings.maxOpenPerUser()) {
      return new StartVoiceSessionResult.Refused(VoiceRefusals.alreadyActive());
    }
    Optional<ConversationId> conversationId = conversation(command, language, now);
    if (conversationId.isEmpty()) {
      return new StartVoiceSessionResult.Refused(Refusal.notFound("conversation"));
    }
    VoiceSession session = VoiceSessions.create(VoiceSessionId.of(ids.next()), command.userId(),
        conversationId.get(), voice, persona, language, command.transport(), now, settings.maxCallDuration());
    VoiceSessionCreation creation = sessions.create(session, settings.maxOpenPerUser());
    if (creation instanceof VoiceSessionCreation.AlreadyActive) {
      return new StartVoiceSessionResult.Refused(VoiceRefusals.alreadyActive());
    }
    if (command.transport() != VoiceTransport.WEBRTC) {
      return new StartVoiceSessionResult.Started(session, Optional.empty());
    }
    try {
      EphemeralToken token = tokens.issue(setup.config(session, known), settings.tokenTtl());
      return new StartVoiceSessionResult.Started(session, Optional.of(token));
    } catch (ModelFailure failure) {
      sessions.update(VoiceSessions.fail(session, VoiceEndReason.UPSTREAM_FAILED, clock.instant()));
      return new StartVoiceSessionResult.Refused(VoiceRefusals.of(failure));
    }
  }

  private Optional<ConversationId> conversation(StartVoiceSessionCommand command, Locale language, Instant now) {
    if (command.conversationId().isPresent()) {
      return conversations.find(command.userId(), command.conversationId().get()).map(Conversation::id);
    }
    String title = CoachLanguage.of(language) == CoachLanguage.SPANISH ? "Llamada de voz" : "Voice call";
    return Optional.of(conversations.create(new NewConversation(ConversationId.of(ids.next()), command.userId(),
        Optional.of(title), now, Optional.empty())).id());
  }
}
