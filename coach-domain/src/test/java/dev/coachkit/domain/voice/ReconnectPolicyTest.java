package dev.coachkit.domain.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {
  private final ReconnectPolicy policy = new ReconnectPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(4), 0.2);

  @Test
  void givenMiddleRandom_backoff_doublesPerAttemptUpToTheCap() {
    assertThat(policy.backoff(1, 0.5)).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.backoff(2, 0.5)).isEqualTo(Duration.ofMillis(1_000));
    assertThat(policy.backoff(3, 0.5)).isEqualTo(Duration.ofMillis(2_000));
    assertThat(policy.backoff(4, 0.5)).isEqualTo(Duration.ofMillis(4_000));
    assertThat(policy.backoff(6, 0.5)).isEqualTo(Duration.ofMillis(4_000));
    assertThat(policy.backoff(60, 0.5)).isEqualTo(Duration.ofMillis(4_000));
  }

  @Test
  void givenExtremeRandoms_backoff_staysWithinJitterBand() {
    assertThat(policy.backoff(2, 0.0)).isEqualTo(Duration.ofMillis(800));
    assertThat(policy.backoff(2, 0.999999)).isBetween(Duration.ofMillis(1_199), Duration.ofMillis(1_200));
  }

  @Test
  void givenInvalidValues_construct_isRejected() {
    assertThatThrownBy(() -> new ReconnectPolicy(0, Duration.ZERO, Duration.ZERO, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReconnectPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReconnectPolicy(1, Duration.ZERO, Duration.ZERO, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
