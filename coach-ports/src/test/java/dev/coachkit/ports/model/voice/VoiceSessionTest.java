package dev.coachkit.ports.model.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VoiceSessionTest {
  private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

  private static VoiceSession session(
      VoiceSessionStatus status, Optional<Instant> startedAt, Optional<Instant> endedAt, Optional<VoiceEndReason> r) {
    return new VoiceSession(VoiceSessionId.of(UUID.randomUUID()), UserId.of("u"),
        ConversationId.of(UUID.randomUUID()), status, "marin", Persona.FITNESS_COACH, Locale.ENGLISH,
        VoiceTransport.RELAY, AT, startedAt, endedAt, AT.plus(Duration.ofMinutes(30)), AT, Optional.empty(), 0, 0, 0,
        0, 0, r);
  }

  @Test
  void givenCreatedSession_isOpen_isTrue() {
    assertThat(session(VoiceSessionStatus.CREATED, Optional.empty(), Optional.empty(), Optional.empty()).isOpen())
        .isTrue();
  }

  @Test
  void givenEndedSessionWithEndAndReason_isOpen_isFalse() {
    assertThat(session(VoiceSessionStatus.ENDED, Optional.of(AT), Optional.of(AT),
            Optional.of(VoiceEndReason.USER_ENDED)).isOpen())
        .isFalse();
  }

  @Test
  void givenActiveSessionWithoutStart_construct_isRejected() {
    assertThatThrownBy(() -> session(VoiceSessionStatus.ACTIVE, Optional.empty(), Optional.empty(), Optional.empty()))
        .hasMessageContaining("startedAt");
  }

  @Test
  void givenEndedSessionWithoutReason_construct_isRejected() {
    assertThatThrownBy(() -> session(VoiceSessionStatus.ENDED, Optional.of(AT), Optional.of(AT), Optional.empty()))
        .hasMessageContaining("endReason");
  }

  @Test
  void givenOpenSessionWithEndReason_construct_isRejected() {
    assertThatThrownBy(() -> session(VoiceSessionStatus.CREATED, Optional.empty(), Optional.empty(),
            Optional.of(VoiceEndReason.USER_ENDED)))
        .hasMessageContaining("endReason");
  }
}
