package dev.coachkit.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.usage.ModelPrice;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceTableTest {
  // gpt-4o-like: $2.50 in, $1.25 cached, $10 out per 1M tokens; realtime-like audio $40 in / $80 out
  static final ModelPrice GPT_4O = new ModelPrice("gpt-4o", 2_500_000, 1_250_000, 10_000_000, 0, 0);
  static final ModelPrice REALTIME = new ModelPrice("gpt-realtime", 4_000_000, 400_000, 16_000_000, 32_000_000,
      64_000_000);

  @Test
  void givenTextUsage_costMicros_chargesUncachedCachedAndOutputTokensAtTheirPrices() {
    // 1,000 input of which 400 cached, 500 output:
    // 600 * 2.5 + 400 * 1.25 + 500 * 10 = 1,500 + 500 + 5,000 = 7,000 micro-USD
    assertThat(PriceTable.of(GPT_4O).costMicros("gpt-4o", TokenUsage.text(1_000, 400, 500))).isEqualTo(7_000);
  }

  @Test
  void givenAudioUsage_costMicros_chargesAudioTokensAtAudioPrices() {
    // input 1,000 (audio 800, cached 0) -> 200 text * 4 + 800 * 32 = 800 + 25,600
    // output 1,000 (audio 900) -> 100 * 16 + 900 * 64 = 1,600 + 57,600
    TokenUsage usage = new TokenUsage(1_000, 0, 1_000, 800, 900);
    assertThat(PriceTable.of(REALTIME).costMicros("gpt-realtime", usage)).isEqualTo(85_600);
  }

  @Test
  void givenAFractionOfAMicroDollar_costMicros_roundsUp() {
    assertThat(PriceTable.of(GPT_4O).costMicros("gpt-4o", TokenUsage.text(1, 0, 0))).isEqualTo(3);
    assertThat(PriceTable.of(GPT_4O).costMicros("gpt-4o", TokenUsage.ZERO)).isZero();
  }

  @Test
  void givenADatedModelName_priceOf_usesTheLongestConfiguredPrefix() {
    ModelPrice mini = new ModelPrice("gpt-4o-mini", 150_000, 75_000, 600_000, 0, 0);
    PriceTable table = PriceTable.of(GPT_4O, mini);

    assertThat(table.priceOf("gpt-4o-mini-2024-07-18")).contains(mini);
    assertThat(table.priceOf("gpt-4o-2024-08-06")).contains(GPT_4O);
  }

  @Test
  void givenAnUnknownModel_costMicros_usesTheFallbackOrZeroWithoutOne() {
    assertThat(PriceTable.of(GPT_4O).costMicros("llama3", TokenUsage.text(1_000_000, 0, 0))).isZero();
    PriceTable withFallback = new PriceTable(List.of(GPT_4O), Optional.of(GPT_4O));
    assertThat(withFallback.costMicros("llama3", TokenUsage.text(1_000_000, 0, 0))).isEqualTo(2_500_000);
  }

  @Test
  void givenTheSameModelTwice_construct_isRejected() {
    assertThatThrownBy(() -> PriceTable.of(GPT_4O, GPT_4O)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gpt-4o");
  }
}
