package dev.coachkit.ports.model.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenUsageTest {

  @Test
  void givenTwoUsages_plus_addsEveryCounter() {
    TokenUsage sum = new TokenUsage(10, 2, 5, 3, 1).plus(new TokenUsage(100, 20, 50, 30, 10));

    assertThat(sum).isEqualTo(new TokenUsage(110, 22, 55, 33, 11));
    assertThat(sum.textInputTokens()).isEqualTo(77);
    assertThat(sum.textOutputTokens()).isEqualTo(44);
  }

  @Test
  void givenCachedAboveInput_construct_isRejected() {
    assertThatThrownBy(() -> new TokenUsage(1, 2, 0, 0, 0)).hasMessageContaining("cachedInputTokens");
  }

  @Test
  void givenAudioOutputAboveOutput_construct_isRejected() {
    assertThatThrownBy(() -> new TokenUsage(0, 0, 1, 0, 2)).hasMessageContaining("audioOutputTokens");
  }

  @Test
  void givenNegativeCounter_construct_isRejected() {
    assertThatThrownBy(() -> new TokenUsage(-1, 0, 0, 0, 0)).hasMessageContaining("inputTokens");
  }
}
