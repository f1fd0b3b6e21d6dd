package dev.coachkit.adapter.web.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.RefusalReason;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VoiceProblemsTest {
  private static final Map<RefusalReason, Integer> EXPECTED = new EnumMap<>(RefusalReason.class);

  static {
    EXPECTED.put(RefusalReason.BUDGET_EXCEEDED, 429);
    EXPECTED.put(RefusalReason.RATE_LIMITED, 429);
    EXPECTED.put(RefusalReason.MODEL_UNAVAILABLE, 503);
    EXPECTED.put(RefusalReason.MODEL_NOT_CONFIGURED, 503);
    EXPECTED.put(RefusalReason.CONTENT_FILTERED, 422);
    EXPECTED.put(RefusalReason.NOT_FOUND, 404);
    EXPECTED.put(RefusalReason.INVALID_REQUEST, 400);
    EXPECTED.put(RefusalReason.INVALID_STATE, 409);
    EXPECTED.put(RefusalReason.VOICE_SESSION_ACTIVE, 409);
  }

  @Test
  void givenEveryRefusalReason_expectations_coverThemAll() {
    assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(RefusalReason.values());
  }

  @ParameterizedTest
  @EnumSource(RefusalReason.class)
  void givenRefusal_of_answersItsStatusAndAProblemBody(RefusalReason reason) {
    Response response = VoiceProblems.of(new Refusal(reason, "because", Optional.empty()));

    assertThat(response.getStatus()).isEqualTo(EXPECTED.get(reason));
    assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
    assertThat(response.getEntity()).isInstanceOfSatisfying(VoiceProblems.Problem.class, p -> {
      assertThat(p.status()).isEqualTo(EXPECTED.get(reason));
      assertThat(p.code()).isEqualTo(reason.name().toLowerCase(java.util.Locale.ROOT));
      assertThat(p.type()).isEqualTo("urn:coachkit:problem:" + p.code().replace('_', '-'));
      assertThat(p.detail()).isEqualTo("because");
      assertThat(p.title()).isNotBlank();
    });
  }

  @ParameterizedTest
  @EnumSource(value = RefusalReason.class, names = {"BUDGET_EXCEEDED", "RATE_LIMITED"})
  void givenTooManyRequestsWithRetryAfter_of_sendsRetryAfterInWholeSecondsRoundedUp(RefusalReason reason) {
    Response response = VoiceProblems.of(new Refusal(reason, "later", Optional.of(Duration.ofMillis(90_200))));

    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("91");
    assertThat(((VoiceProblems.Problem) response.getEntity()).retryAfterSeconds()).isEqualTo(91L);
  }

  @Test
  void givenTooManyRequestsWithTinyRetryAfter_of_sendsAtLeastOneSecond() {
    Response response = VoiceProblems.of(new Refusal(RefusalReason.RATE_LIMITED, "later",
        Optional.of(Duration.ZERO)));

    assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
  }

  @Test
  void givenTooManyRequestsWithoutRetryAfter_of_sendsADefaultRetryAfter() {
    Response response = VoiceProblems.of(new Refusal(RefusalReason.BUDGET_EXCEEDED, "spent", Optional.empty()));

    assertThat(response.getHeaderString("Retry-After")).isEqualTo("60");
  }

  @Test
  void givenOtherRefusal_of_sendsNoRetryAfter() {
    Response response = VoiceProblems.of(new Refusal(RefusalReason.VOICE_SESSION_ACTIVE, "one at a time",
        Optional.empty()));

    assertThat(response.getHeaderString("Retry-After")).isNull();
    assertThat(((VoiceProblems.Problem) response.getEntity()).retryAfterSeconds()).isNull();
  }

  @Test
  void givenInvalidBody_badRequest_answers400InvalidRequest() {
    Response response = VoiceProblems.badRequest("transport must be relay or webrtc");

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(((VoiceProblems.Problem) response.getEntity()).code()).isEqualTo("invalid_request");
  }
}
