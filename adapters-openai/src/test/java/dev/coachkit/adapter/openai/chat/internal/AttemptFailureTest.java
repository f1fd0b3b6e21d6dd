package dev.coachkit.adapter.openai.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.model.ModelFailure.Kind;
import dev.langchain4j.exception.RateLimitException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttemptFailureTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);

  private static ProviderHttpException http(int status, Map<String, List<String>> headers, String body) {
    return new ProviderHttpException(status, headers, body);
  }

  @Test
  void givenRetryAfterSeconds_retryAfter_isThatManySeconds() {
    assertThat(AttemptFailure.retryAfter(http(429, Map.of("Retry-After", List.of("7")), ""), CLOCK))
        .contains(Duration.ofSeconds(7));
  }

  @Test
  void givenRetryAfterHttpDate_retryAfter_isTheTimeUntilThen() {
    assertThat(AttemptFailure.retryAfter(
        http(503, Map.of("retry-after", List.of("Sun, 01 Jun 2025 10:00:30 GMT")), ""), CLOCK))
        .contains(Duration.ofSeconds(30));
  }

  @Test
  void givenRetryAfterMs_retryAfter_winsOverRetryAfter() {
    assertThat(AttemptFailure.retryAfter(http(429,
        Map.of("retry-after-ms", List.of("1234.2"), "retry-after", List.of("2")), ""), CLOCK))
        .contains(Duration.ofMillis(1235));
  }

  @Test
  void givenGarbageRetryAfter_retryAfter_isEmpty() {
    assertThat(AttemptFailure.retryAfter(http(429, Map.of("retry-after", List.of("soon")), ""), CLOCK)).isEmpty();
  }

  @Test
  void givenRateLimitWrappedByLangChain4j_classify_findsTheHeadersInTheCause() {
    ProviderHttpException cause = http(429, Map.of("retry-after-ms", List.of("900")),
        "{\"error\":{\"message\":\"slow down\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}");

    AttemptFailure failure = AttemptFailure.classify(new RateLimitException(cause), CLOCK);

    assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.fallback()).isTrue();
    assertThat(failure.retryAfter()).contains(Duration.ofMillis(900));
    assertThat(failure.message()).isEqualTo("HTTP 429 rate_limit_exceeded: slow down");
  }

  @Test
  void givenStatuses_classify_mapsKindRetryAndFallback() {
    assertThat(AttemptFailure.classify(http(401, Map.of(), "{}"), CLOCK))
        .extracting(AttemptFailure::kind, AttemptFailure::retryable, AttemptFailure::fallback)
        .containsExactly(Kind.AUTHENTICATION, false, false);
    assertThat(AttemptFailure.classify(http(404, Map.of(), "not found"), CLOCK))
        .extracting(AttemptFailure::kind, AttemptFailure::retryable, AttemptFailure::fallback)
        .containsExactly(Kind.REJECTED_REQUEST, false, false);
    assertThat(AttemptFailure.classify(http(400, Map.of(),
        "{\"error\":{\"message\":\"filtered\",\"type\":null,\"param\":null,\"code\":\"content_filter\"}}"), CLOCK))
        .extracting(AttemptFailure::kind).isEqualTo(Kind.CONTENT_FILTERED);
    assertThat(AttemptFailure.classify(http(408, Map.of(), ""), CLOCK))
        .extracting(AttemptFailure::kind, AttemptFailure::retryable).containsExactly(Kind.TIMEOUT, true);
    assertThat(AttemptFailure.classify(http(502, Map.of(), "<html>bad gateway</html>"), CLOCK))
        .extracting(AttemptFailure::kind, AttemptFailure::retryable, AttemptFailure::fallback)
        .containsExactly(Kind.UNAVAILABLE, true, true);
    assertThat(AttemptFailure.classify(new UncheckedIOException(new ConnectException("refused")), CLOCK))
        .extracting(AttemptFailure::kind, AttemptFailure::retryable, AttemptFailure::fallback)
        .containsExactly(Kind.UNAVAILABLE, true, true);
  }

  @Test
  void givenAVeryLongBody_toModelFailure_staysWithinTheMessageLimit() {
    AttemptFailure failure = AttemptFailure.classify(http(500, Map.of(), "x".repeat(10_000)), CLOCK);

    assertThat(failure.toModelFailure("primary").getMessage()).hasSizeLessThanOrEqualTo(4_000);
    assertThat(failure.toModelFailure("primary").retryAfter()).isEqualTo(Optional.empty());
  }
}
