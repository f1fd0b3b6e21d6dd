package dev.coachkit.domain.voice;

import dev.coachkit.domain.usage.UsageGuard;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeQuery;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeUseCase;
import dev.coachkit.ports.in.voice.IssueRealtimeTokenCommand;
import dev.coachkit.ports.in.voice.IssueRealtimeTokenResult;
import dev.coachkit.ports.in.voice.IssueRealtimeTokenUseCase;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.model.voice.VoiceTransport;
import dev.coachkit.ports.out.realtime.RealtimeTokenIssuer;
import dev.coachkit.ports.out.voice.VoiceSessionStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues a fresh ephemeral token for one of the user's open WebRTC sessions (e.g. the first one expired before
 * the browser connected), configured like the session; refused for relay sessions, ended or expired sessions,
 * and when the budget or rate limit says no.
 */
public final class IssueRealtimeTokenService implements IssueRealtimeTokenUseCase {
  private final VoiceSessionStore sessions;
  private final GetCoachKnowledgeUseCase knowledge;
  private final UsageGuard usageGuard;
  private final VoiceCallSetup setup;
  private final RealtimeTokenIssuer tokens;
  private final Clock clock;
  private final VoiceSettings settings;

  public IssueRealtimeTokenService(VoiceSessionStore sessions, GetCoachKnowledgeUseCase knowledge,
      UsageGuard usageGuard, VoiceCallSetup setup, RealtimeTokenIssuer tokens, Clock clock, VoiceSettings settings) {
    this.sessions = Objects.requireNonNull(sessions, "sessions must not be null");
    this.knowledge = Objects.requireNonNull(knowledge, "knowledge must not be null");
    this.usageGuard = Objects.requireNonNull(usageGuard, "usageGuard must not be null");
    this.setup = Objects.requireNonNull(setup, "setup must not be null");
    this.tokens = Objects.requireNonNull(tokens, "tokens must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
  }

  @Override
  public IssueRealtimeTokenResult issue(IssueRealtimeTokenCommand command) {
    Objects.requireNonNull(command, "command must not be null");
    Optional<VoiceSession> found = sessions.find(command.userId(), command.sessionId());
    if (found.isEmpty()) {
      return new IssueRealtimeTokenResult.Refused(VoiceRefusals.notFound());
    }
    VoiceSession session = found.get();
    if (session.transport() != VoiceTransport.WEBRTC) {
      return new IssueRealtimeTokenResult.Refused(VoiceRefusals.wrongTransport(
          "Realtime tokens are only for WebRTC voice sessions; relay sessions connect through the server."));
    }
    if (!session.isOpen() || VoiceSessions.hasExpired(session, clock.instant())) {
      return new IssueRealtimeTokenResult.Refused(VoiceRefusals.ended());
    }
    Optional<Refusal> limit = usageGuard.check(command.userId());
    if (limit.isPresent()) {
      return new IssueRealtimeTokenResult.Refused(limit.get());
    }
    try {
      return new IssueRealtimeTokenResult.Issued(tokens.issue(
          setup.config(session, knowledge.get(new GetCoachKnowledgeQuery(command.userId()))), settings.tokenTtl()));
    } catch (ModelFailure failure) {
      return new IssueRealtimeTokenResult.Refused(VoiceRefusals.of(failure));
    }
  }
}
