package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.voice.VoiceEndReason;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.model.voice.VoiceSessionStatus;
import dev.coachkit.ports.model.voice.VoiceTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Fixtures for voice sessions in each lifecycle state. */
public final class TestVoiceSessionFactory {
  public static final Instant T0 = TestConversationFactory.T0;

  private TestVoiceSessionFactory() {}

  /** A freshly created session that expires after 30 minutes. */
  public static VoiceSession created(UserId userId) {
    return created(userId, T0);
  }

  public static VoiceSession created(UserId userId, Instant createdAt) {
    return new VoiceSession(TestIds.voiceSession(), userId, TestIds.conversation(), VoiceSessionStatus.CREATED,
        "marin", Persona.FITNESS_COACH, Locale.ENGLISH, VoiceTransport.RELAY, createdAt, Optional.empty(),
        Optional.empty(), createdAt.plus(Duration.ofMinutes(30)), createdAt, Optional.empty(), 0, 0, 0, 0, 0,
        Optional.empty());
  }

  public static VoiceSession activated(VoiceSession s, Instant at) {
    return new VoiceSession(s.id(), s.userId(), s.conversationId(), VoiceSessionStatus.ACTIVE, s.voice(),
        s.persona(), s.language(), s.transport(), s.createdAt(), Optional.of(at), Optional.empty(), s.expiresAt(), at,
        s.callId(), s.audioSecondsIn(), s.audioSecondsOut(), s.tokensIn(), s.tokensOut(), s.costMicros(),
        Optional.empty());
  }

  public static VoiceSession ended(VoiceSession s, Instant at) {
    return new VoiceSession(s.id(), s.userId(), s.conversationId(), VoiceSessionStatus.ENDED, s.voice(),
        s.persona(), s.language(), s.transport(), s.createdAt(), Optional.of(s.startedAt().orElse(at)),
        Optional.of(at), s.expiresAt(), at, s.callId(), 12.5, 8.25, 1_200, 900, 4_321,
        Optional.of(VoiceEndReason.USER_ENDED));
  }
}
