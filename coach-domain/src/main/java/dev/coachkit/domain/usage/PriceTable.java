package dev.coachkit.domain.usage;

import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.usage.ModelPrice;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configured price of each model, and the cost in micro-USD of the tokens one response used.
 *
 * <p>A model is priced by its exact name, else by the longest configured name it starts with (providers answer
 * with dated names such as {@code gpt-4o-2024-08-06} for {@code gpt-4o}), else by the fallback price. A model
 * with no price and no fallback costs 0, so configure a fallback when budgets matter.
 *
 * <p>Cached input tokens are charged at the cached price, the other input tokens at the text or audio input
 * price; output tokens at the text or audio output price. The sum is rounded up to a whole micro-USD.
 */
public final class PriceTable {
  private static final long PER_MILLION = 1_000_000L;

  private final Map<String, ModelPrice> prices;
  private final Optional<ModelPrice> fallback;

  public PriceTable(List<ModelPrice> prices, Optional<ModelPrice> fallback) {
    Objects.requireNonNull(prices, "prices must not be null");
    Map<String, ModelPrice> byName = new LinkedHashMap<>();
    for (ModelPrice price : prices) {
      if (byName.putIfAbsent(Objects.requireNonNull(price, "prices must not contain null").model(), price) != null) {
        throw new IllegalArgumentException("prices has model '" + price.model() + "' twice");
      }
    }
    this.prices = Map.copyOf(byName);
    this.fallback = Objects.requireNonNull(fallback, "fallback must not be null");
  }

  /** A table of these prices without a fallback. */
  public static PriceTable of(ModelPrice... prices) {
    return new PriceTable(List.of(prices), Optional.empty());
  }

  /** The price that applies to this model name, if any. */
  public Optional<ModelPrice> priceOf(String model) {
    Objects.requireNonNull(model, "model must not be null");
    ModelPrice exact = prices.get(model);
    if (exact != null) {
      return Optional.of(exact);
    }
    Optional<ModelPrice> prefix = prices.values().stream()
        .filter(p -> model.startsWith(p.model()))
        .max(Comparator.comparingInt(p -> p.model().length()));
    return prefix.isPresent() ? prefix : fallback;
  }

  /** What this usage of this model costs, in micro-USD (0 when the model has no price). */
  public long costMicros(String model, TokenUsage usage) {
    return priceOf(model).map(p -> costMicros(p, usage)).orElse(0L);
  }

  /** What this usage costs at this price, in micro-USD, rounded up. */
  public static long costMicros(ModelPrice price, TokenUsage usage) {
    Objects.requireNonNull(price, "price must not be null");
    Objects.requireNonNull(usage, "usage must not be null");
    long cached = usage.cachedInputTokens();
    long audioIn = usage.audioInputTokens();
    long textIn = Math.max(0, usage.inputTokens() - audioIn - cached);
    long audioOut = usage.audioOutputTokens();
    long textOut = usage.textOutputTokens();
    long microsTimesMillion = Math.addExact(
        Math.addExact(
            Math.multiplyExact(textIn, price.textInPerMillion()),
            Math.multiplyExact(cached, price.cachedTextInPerMillion())),
        Math.addExact(
            Math.addExact(
                Math.multiplyExact(audioIn, price.audioInPerMillion()),
                Math.multiplyExact(textOut, price.textOutPerMillion())),
            Math.multiplyExact(audioOut, price.audioOutPerMillion())));
    return (microsTimesMillion + PER_MILLION - 1) / PER_MILLION;
  }
}
