package dev.coachkit.domain.conversation;

/**
 * How much history a model request carries: at most {@code maxMessages} stored messages (1..100, default 20) and
 * at most {@code maxTokens} estimated tokens (default 4,000).
 */
public record HistoryWindowPolicy(int maxMessages, int maxTokens) {
  public static final int DEFAULT_MAX_MESSAGES = 20;
  public static final int MAX_MESSAGES = 100;
  public static final int DEFAULT_MAX_TOKENS = 4_000;

  public HistoryWindowPolicy {
    if (maxMessages < 1 || maxMessages > MAX_MESSAGES) {
      throw new IllegalArgumentException("maxMessages must be between 1 and " + MAX_MESSAGES + ", was " + maxMessages);
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
    }
  }

  public static HistoryWindowPolicy defaults() {
    return new HistoryWindowPolicy(DEFAULT_MAX_MESSAGES, DEFAULT_MAX_TOKENS);
  }
}
