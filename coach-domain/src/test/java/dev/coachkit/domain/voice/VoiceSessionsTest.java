package dev.coachkit.domain.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.voice.VoiceEndReason;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.model.voice.VoiceSessionStatus;
import dev.coachkit.ports.model.voice.VoiceTransport;
import dev.coachkit.ports.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class VoiceSessionsTest {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final Duration MAX = Duration.ofMinutes(30);

  private static VoiceSession created(VoiceTransport transport) {
    return VoiceSessions.create(TestIds.voiceSession(), TestIds.user(), TestIds.conversation(), "marin",
        Persona.FITNESS_COACH, Locale.ENGLISH, transport, T0, MAX);
  }

  private static VoiceSession active(Instant at) {
    return ((VoiceSessionChange.Changed) VoiceSessions.activate(created(VoiceTransport.RELAY), at, MAX)).session();
  }

  @Test
  void givenNewSession_create_isCreatedAndMustConnectWithinMaxDuration() {
    VoiceSession s = created(VoiceTransport.RELAY);

    assertThat(s.status()).isEqualTo(VoiceSessionStatus.CREATED);
    assertThat(s.expiresAt()).isEqualTo(T0.plus(MAX));
    assertThat(s.startedAt()).isEmpty();
  }

  @Test
  void givenCreatedSession_activate_isActiveWithFullDurationFromStart() {
    VoiceSession s = active(T0.plusSeconds(40));

    assertThat(s.status()).isEqualTo(VoiceSessionStatus.ACTIVE);
    assertThat(s.startedAt()).contains(T0.plusSeconds(40));
    assertThat(s.expiresAt()).isEqualTo(T0.plusSeconds(40).plus(MAX));
  }

  @Test
  void givenActiveSession_activateAgain_keepsStartAndDeadline() {
    VoiceSession s = active(T0);

    VoiceSessionChange again = VoiceSessions.activate(s, T0.plusSeconds(100), MAX);

    assertThat(again).isInstanceOfSatisfying(VoiceSessionChange.Changed.class, c -> {
      assertThat(c.session().startedAt()).contains(T0);
      assertThat(c.session().expiresAt()).isEqualTo(T0.plus(MAX));
      assertThat(c.session().lastActivityAt()).isEqualTo(T0.plusSeconds(100));
    });
  }

  @Test
  void givenExpiredOrEndedSession_activate_isRefused() {
    VoiceSession s = created(VoiceTransport.RELAY);

    assertThat(VoiceSessions.activate(s, T0.plus(MAX), MAX)).isInstanceOfSatisfying(VoiceSessionChange.Refused.class,
        r -> assertThat(r.refusal().reason()).isEqualTo(RefusalReason.INVALID_STATE));
    assertThat(VoiceSessions.activate(VoiceSessions.end(s, VoiceEndReason.USER_ENDED, T0), T0, MAX))
        .isInstanceOf(VoiceSessionChange.Refused.class);
  }

  @Test
  void givenActiveSession_endExpireFail_setFinalStatusReasonAndEndTime() {
    VoiceSession s = active(T0);
    Instant at = T0.plusSeconds(90);

    VoiceSession ended = VoiceSessions.end(s, VoiceEndReason.CLIENT_DISCONNECTED, at);
    VoiceSession expired = VoiceSessions.expire(s, at);
    VoiceSession failed = VoiceSessions.fail(s, VoiceEndReason.UPSTREAM_FAILED, at);

    assertThat(ended.status()).isEqualTo(VoiceSessionStatus.ENDED);
    assertThat(ended.endReason()).contains(VoiceEndReason.CLIENT_DISCONNECTED);
    assertThat(ended.endedAt()).contains(at);
    assertThat(VoiceSessions.duration(ended, at.plusSeconds(500))).isEqualTo(Duration.ofSeconds(90));
    assertThat(expired.status()).isEqualTo(VoiceSessionStatus.EXPIRED);
    assertThat(expired.endReason()).contains(VoiceEndReason.EXPIRED);
    assertThat(failed.status()).isEqualTo(VoiceSessionStatus.FAILED);
    assertThat(failed.endReason()).contains(VoiceEndReason.UPSTREAM_FAILED);
  }

  @Test
  void givenEndedSession_endAgain_isUnchanged() {
    VoiceSession ended = VoiceSessions.end(active(T0), VoiceEndReason.USER_ENDED, T0.plusSeconds(5));

    assertThat(VoiceSessions.end(ended, VoiceEndReason.MAX_DURATION, T0.plusSeconds(50))).isSameAs(ended);
    assertThat(VoiceSessions.fail(ended, VoiceEndReason.UPSTREAM_FAILED, T0.plusSeconds(50))).isSameAs(ended);
  }

  @Test
  void givenActiveSession_touchAndCounters_accumulateButNeverGoBack() {
    VoiceSession s = active(T0);

    VoiceSession touched = VoiceSessions.touch(s, T0.plusSeconds(10));
    VoiceSession stale = VoiceSessions.touch(touched, T0.plusSeconds(5));
    VoiceSession counted = VoiceSessions.addUsage(VoiceSessions.addAudio(touched, 1.5, 2.0),
        new TokenUsage(100, 0, 50, 80, 40), 123);
    counted = VoiceSessions.addUsage(VoiceSessions.addAudio(counted, 0.5, 1.0), new TokenUsage(10, 0, 5, 0, 0), 7);

    assertThat(touched.lastActivityAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(stale.lastActivityAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(counted.audioSecondsIn()).isEqualTo(2.0);
    assertThat(counted.audioSecondsOut()).isEqualTo(3.0);
    assertThat(counted.tokensIn()).isEqualTo(110);
    assertThat(counted.tokensOut()).isEqualTo(55);
    assertThat(counted.costMicros()).isEqualTo(130);
    assertThatThrownBy(() -> VoiceSessions.addAudio(s, -1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenSessionTimes_idleExpiredStale_followDeadlineAndLastActivity() {
    VoiceSession s = active(T0);
    Duration idle = Duration.ofMinutes(3);

    assertThat(VoiceSessions.isIdle(s, T0.plus(idle).minusSeconds(1), idle)).isFalse();
    assertThat(VoiceSessions.isIdle(s, T0.plus(idle), idle)).isTrue();
    assertThat(VoiceSessions.hasExpired(s, T0.plus(MAX).minusSeconds(1))).isFalse();
    assertThat(VoiceSessions.hasExpired(s, T0.plus(MAX))).isTrue();
    assertThat(VoiceSessions.isStale(s, T0.plusSeconds(10), idle)).isFalse();
    assertThat(VoiceSessions.isStale(s, T0.plus(idle), idle)).isTrue();
    assertThat(VoiceSessions.isStale(VoiceSessions.end(s, VoiceEndReason.USER_ENDED, T0), T0.plus(MAX), idle))
        .isFalse();
  }

  @Test
  void givenWebRtcSession_registerCall_recordsIdOnceAndRefusesAnother() {
    VoiceSession s = created(VoiceTransport.WEBRTC);

    VoiceSession registered = ((VoiceSessionChange.Changed) VoiceSessions.registerCall(s, "rtc_1")).session();

    assertThat(registered.callId()).contains("rtc_1");
    assertThat(VoiceSessions.registerCall(registered, "rtc_1")).isInstanceOf(VoiceSessionChange.Changed.class);
    assertThat(VoiceSessions.registerCall(registered, "rtc_2")).isInstanceOf(VoiceSessionChange.Refused.class);
    assertThat(VoiceSessions.registerCall(created(VoiceTransport.RELAY), "rtc_1"))
        .isInstanceOfSatisfying(VoiceSessionChange.Refused.class,
            r -> assertThat(r.refusal().reason()).isEqualTo(RefusalReason.INVALID_REQUEST));
  }
}
