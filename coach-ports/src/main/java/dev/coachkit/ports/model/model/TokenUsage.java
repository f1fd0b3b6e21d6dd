package dev.coachkit.ports.model.model;

import dev.coachkit.ports.model.common.Require;

/**
 * Tokens one or more model responses used.
 *
 * <p>{@code inputTokens} and {@code outputTokens} are totals over all modalities; {@code cachedInputTokens} and
 * {@code audioInputTokens} are parts of {@code inputTokens}, and {@code audioOutputTokens} is part of
 * {@code outputTokens} (as OpenAI reports them).
 */
public record TokenUsage(
    long inputTokens, long cachedInputTokens, long outputTokens, long audioInputTokens, long audioOutputTokens) {
  public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0, 0);

  public TokenUsage {
    Require.nonNegative(inputTokens, "inputTokens");
    Require.nonNegative(cachedInputTokens, "cachedInputTokens");
    Require.nonNegative(outputTokens, "outputTokens");
    Require.nonNegative(audioInputTokens, "audioInputTokens");
    Require.nonNegative(audioOutputTokens, "audioOutputTokens");
    if (cachedInputTokens > inputTokens) {
      throw new IllegalArgumentException("cachedInputTokens must not exceed inputTokens");
    }
    if (audioInputTokens > inputTokens) {
      throw new IllegalArgumentException("audioInputTokens must not exceed inputTokens");
    }
    if (audioOutputTokens > outputTokens) {
      throw new IllegalArgumentException("audioOutputTokens must not exceed outputTokens");
    }
  }

  /** Text-only usage. */
  public static TokenUsage text(long inputTokens, long cachedInputTokens, long outputTokens) {
    return new TokenUsage(inputTokens, cachedInputTokens, outputTokens, 0, 0);
  }

  /** The sum of both usages. */
  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(
        Math.addExact(inputTokens, other.inputTokens),
        Math.addExact(cachedInputTokens, other.cachedInputTokens),
        Math.addExact(outputTokens, other.outputTokens),
        Math.addExact(audioInputTokens, other.audioInputTokens),
        Math.addExact(audioOutputTokens, other.audioOutputTokens));
  }

  public long textInputTokens() {
    return inputTokens - audioInputTokens;
  }

  public long textOutputTokens() {
    return outputTokens - audioOutputTokens;
  }
}
