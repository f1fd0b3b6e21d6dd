package dev.coachkit.domain.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenEstimatorTest {

  @Test
  void givenTheDefaultEstimator_estimate_countsOneTokenPerFourCharactersRoundedUp() {
    assertThat(TokenEstimator.DEFAULT.estimate("")).isZero();
    assertThat(TokenEstimator.DEFAULT.estimate("abcd")).isEqualTo(1);
    assertThat(TokenEstimator.DEFAULT.estimate("abcde")).isEqualTo(2);
    assertThat(TokenEstimator.DEFAULT.estimate("x".repeat(400))).isEqualTo(100);
  }

  @Test
  void givenATokenCount_maxChars_isTheLongestTextWithinIt() {
    assertThat(TokenEstimator.DEFAULT.estimate("x".repeat(TokenEstimator.DEFAULT.maxChars(7)))).isEqualTo(7);
    assertThat(TokenEstimator.DEFAULT.estimate("x".repeat(TokenEstimator.DEFAULT.maxChars(7) + 1))).isEqualTo(8);
  }
}
