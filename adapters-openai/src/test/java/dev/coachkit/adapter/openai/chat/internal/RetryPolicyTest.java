package dev.coachkit.adapter.openai.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(3), 2.0, 0.5, Duration.ofSeconds(20));

  @Test
  void givenNoRetryAfter_delayBefore_growsExponentiallyUpToTheCap() {
    assertThat(policy.delayBefore(1, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.delayBefore(2, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(1000));
    assertThat(policy.delayBefore(3, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(2000));
    assertThat(policy.delayBefore(4, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(3000));
  }

  @Test
  void givenRandomness_delayBefore_takesOffAtMostTheJitterFraction() {
    assertThat(policy.delayBefore(2, Optional.empty(), 1.0)).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.delayBefore(2, Optional.empty(), 0.5)).isEqualTo(Duration.ofMillis(750));
  }

  @Test
  void givenRetryAfter_delayBefore_isExactlyTheProvidersHint() {
    assertThat(policy.delayBefore(1, Optional.of(Duration.ofMillis(7300)), 1.0)).isEqualTo(Duration.ofMillis(7300));
    assertThat(policy.tooLong(Duration.ofSeconds(21))).isTrue();
    assertThat(policy.tooLong(Duration.ofSeconds(20))).isFalse();
  }

  @Test
  void givenBadValues_construction_isRejectedNamingTheField() {
    assertThatThrownBy(() -> policy.withMaxAttempts(0)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0, Duration.ZERO))
        .hasMessageContaining("maxBackoff");
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 2, 1.5, Duration.ZERO))
        .hasMessageContaining("jitter");
  }
}
