package dev.coachkit.adapter.web.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;
  private static final long T0 = 42 * SECOND; // any start: the bucket only looks at differences

  @Test
  void givenFullBucket_takeUpToTheBurst_isAllowedThenRefused() {
    TokenBucket bucket = new TokenBucket(5, 10, T0);

    for (int i = 0; i < 10; i++) {
      assertThat(bucket.tryTake(1, T0)).as("take %d", i + 1).isTrue();
    }
    assertThat(bucket.tryTake(1, T0)).isFalse();
  }

  @Test
  void givenEmptyBucket_timePasses_tokensComeBackAtTheRate() {
    TokenBucket bucket = new TokenBucket(5, 10, T0);
    assertThat(bucket.tryTake(10, T0)).isTrue();

    long micro = 1_000;
    assertThat(bucket.tryTake(1, T0 + SECOND / 5 - micro)).as("just under 1/5 s: not yet one token").isFalse();
    assertThat(bucket.tryTake(1, T0 + SECOND / 5 + micro)).as("1/5 s at 5 per second: one token").isTrue();
    assertThat(bucket.tryTake(1, T0 + SECOND / 5 + micro)).isFalse();
    assertThat(bucket.tryTake(5, T0 + SECOND + SECOND / 5 + 2 * micro)).as("one second later: five more").isTrue();
    assertThat(bucket.tryTake(1, T0 + SECOND + SECOND / 5 + 2 * micro)).isFalse();
  }

  @Test
  void givenLongIdle_refill_isCappedAtTheBurst() {
    TokenBucket bucket = new TokenBucket(5, 10, T0);
    assertThat(bucket.tryTake(10, T0)).isTrue();

    long hourLater = T0 + 3600 * SECOND;
    assertThat(bucket.tryTake(11, hourLater)).as("never more than the capacity").isFalse();
    assertThat(bucket.tryTake(10, hourLater)).isTrue();
    assertThat(bucket.tryTake(1, hourLater)).isFalse();
  }

  @Test
  void givenTooLargeRequest_take_isRefusedWithoutConsumingAnything() {
    TokenBucket bucket = new TokenBucket(48_000, 96_000, T0);

    assertThat(bucket.tryTake(96_002, T0)).isFalse();
    assertThat(bucket.tryTake(96_000, T0)).as("the refused take left the bucket full").isTrue();
  }

  @Test
  void givenAudioAtTwiceRealTime_relayBucket_keepsUpButNotWithThreeTimes() {
    // The relay's audio bucket: 96,000 bytes/s (2x real time), bursts of 96,000 bytes.
    TokenBucket twice = new TokenBucket(RelayedCall.AUDIO_BYTES_PER_SECOND, RelayedCall.AUDIO_BURST_BYTES, T0);
    TokenBucket thrice = new TokenBucket(RelayedCall.AUDIO_BYTES_PER_SECOND, RelayedCall.AUDIO_BURST_BYTES, T0);
    int refusedTwice = 0;
    int refusedThrice = 0;
    for (int frame = 1; frame <= 500; frame++) { // 960-byte (20 ms) frames for 10 s of audio
      if (!twice.tryTake(960, T0 + frame * 10_000_000L)) { // one every 10 ms = 2x
        refusedTwice++;
      }
      if (!thrice.tryTake(960, T0 + frame * 6_666_667L)) { // one every 6.7 ms = 3x
        refusedThrice++;
      }
    }
    assertThat(refusedTwice).isZero();
    assertThat(refusedThrice).isPositive();
  }

  @Test
  void givenClockGoingBackwards_take_addsNoTokens() {
    TokenBucket bucket = new TokenBucket(5, 10, T0);
    assertThat(bucket.tryTake(10, T0)).isTrue();

    assertThat(bucket.tryTake(1, T0 - 10 * SECOND)).isFalse();
    assertThat(bucket.tryTake(1, T0 + SECOND / 5)).isTrue();
  }

  @Test
  void givenNonPositiveRateOrCapacity_construct_isRejected() {
    assertThatThrownBy(() -> new TokenBucket(0, 10, T0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(5, -1, T0)).isInstanceOf(IllegalArgumentException.class);
  }
}
