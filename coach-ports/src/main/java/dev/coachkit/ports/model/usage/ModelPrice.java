package dev.coachkit.ports.model.usage;

import dev.coachkit.ports.model.common.Require;

/** A model's price per one million tokens, in micro-USD, by kind of token. */
public record ModelPrice(
    String model,
    long textInPerMillion,
    long cachedTextInPerMillion,
    long textOutPerMillion,
    long audioInPerMillion,
    long audioOutPerMillion) {
  public ModelPrice {
    Require.text(model, "model", 128);
    Require.nonNegative(textInPerMillion, "textInPerMillion");
    Require.nonNegative(cachedTextInPerMillion, "cachedTextInPerMillion");
    Require.nonNegative(textOutPerMillion, "textOutPerMillion");
    Require.nonNegative(audioInPerMillion, "audioInPerMillion");
    Require.nonNegative(audioOutPerMillion, "audioOutPerMillion");
  }
}
