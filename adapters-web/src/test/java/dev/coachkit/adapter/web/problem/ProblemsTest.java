package dev.coachkit.adapter.web.problem;

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

/** The one mapping from the domain's refusals to HTTP problem details, used by every resource. */
class ProblemsTest {
  private static final Map<RefusalReason, Integer> EXPECTED = new EnumMap<>(RefusalReason.class);

  static {
    EXPECTED.put(RefusalReason.BUDGET_EXCEEDED, 429);
    EXPECTED.put(RefusalReason.RATE_LIMITED, 429);
    EXPECTED.put(RefusalReason.MODEL_UNAVAILABLE, 503);
    EXPECTED.put(RefusalReason.MODEL_NOT_CONFIGURED, 503);
    EXPECTED.put(RefusalReason.CONTENT_FILTERED, 422);
    EXPECTED.put(RefusalReason.NOT_FOUND, 404);
    EXPECTED.put(RefusalReason.INVALID_REQUEST, 422);
    EXPECTED.put(RefusalReason.INVALID_STATE, 409);
    EXPECTED.put(RefusalReason.VOICE_SESSION_ACTIVE, 409);
  }

  private static Response respond(Refusal refusal) {
    return Problems.response(ProblemException.of(refusal), "/api/coach/test");
  }

  @Test
  void givenEveryRefusalReason_expectations_coverThemAll() {
    assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(RefusalReason.values());
  }

  @ParameterizedTest
  @EnumSource(RefusalReason.class)
  void givenRefusal_response_answersItsStatusAndAProblemBodyNamingTheReason(RefusalReason reason) {
    Response response = respond(new Refusal(reason, "because", Optional.empty()));

    assertThat(response.getStatus()).isEqualTo(EXPECTED.get(reason));
    assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
    assertThat(response.getEntity()).isInstanceOfSatisfying(ProblemDetail.class, p -> {
      assertThat(p.status()).isEqualTo(EXPECTED.get(reason));
      assertThat(p.reason()).isEqualTo(reason.name());
      assertThat(p.detail()).startsWith("because");
      assertThat(p.title()).isNotBlank();
      assertThat(p.instance()).isEqualTo("/api/coach/test");
    });
  }

  @ParameterizedTest
  @EnumSource(value = RefusalReason.class, names = {"BUDGET_EXCEEDED", "RATE_LIMITED"})
  void givenTooManyRequestsWithRetryAfter_response_sendsRetryAfterInWholeSecondsRoundedUp(RefusalReason reason) {
    Response response = respond(new Refusal(reason, "later", Optional.of(Duration.ofMillis(90_200))));

    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("91");
  }

  @Test
  void givenTooManyRequestsWithoutRetryAfter_response_sendsADefaultRetryAfter() {
    Response response = respond(new Refusal(RefusalReason.BUDGET_EXCEEDED, "spent", Optional.empty()));

    assertThat(response.getHeaderString("Retry-After")).isEqualTo("60");
  }

  @Test
  void givenOtherRefusal_response_sendsNoRetryAfter() {
    Response response = respond(new Refusal(RefusalReason.VOICE_SESSION_ACTIVE, "one at a time", Optional.empty()));

    assertThat(response.getHeaderString("Retry-After")).isNull();
  }

  @Test
  void givenModelNotConfigured_response_saysHowToConfigureOne() {
    Response response = respond(new Refusal(RefusalReason.MODEL_NOT_CONFIGURED, "no model", Optional.empty()));

    assertThat(((ProblemDetail) response.getEntity()).detail()).contains("COACH_OPENAI_API_KEY");
  }
}
