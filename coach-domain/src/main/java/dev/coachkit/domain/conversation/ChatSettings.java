package dev.coachkit.domain.conversation;

import dev.coachkit.domain.context.CoachContextBuilder;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Configuration of chat turns.
 *
 * @param contextTokenBudget estimated tokens the coach context may take in the instructions (default 1,500)
 * @param history how much history a request carries (default 20 messages, 4,000 tokens)
 * @param maxOutputTokens the output cap of each model request (default 800)
 * @param maxToolRounds rounds of tool calls a turn may run before the model must answer (1..5, default 5)
 * @param inFlightGrace how long a retried message without a reply is taken to be still in flight (default 2
 *     minutes); after that a retry with the same idempotency key runs the turn again
 * @param zone the zone in which the coach context reads dates (default UTC)
 */
public record ChatSettings(
    int contextTokenBudget,
    HistoryWindowPolicy history,
    int maxOutputTokens,
    int maxToolRounds,
    Duration inFlightGrace,
    ZoneId zone) {
  public static final int MAX_TOOL_ROUNDS = 5;

  public ChatSettings {
    if (contextTokenBudget < CoachContextBuilder.MIN_TOKEN_BUDGET) {
      throw new IllegalArgumentException("contextTokenBudget must be at least " + CoachContextBuilder.MIN_TOKEN_BUDGET);
    }
    Objects.requireNonNull(history, "history must not be null");
    if (maxOutputTokens < 1) {
      throw new IllegalArgumentException("maxOutputTokens must be positive");
    }
    if (maxToolRounds < 1 || maxToolRounds > MAX_TOOL_ROUNDS) {
      throw new IllegalArgumentException("maxToolRounds must be between 1 and " + MAX_TOOL_ROUNDS);
    }
    Objects.requireNonNull(inFlightGrace, "inFlightGrace must not be null");
    if (inFlightGrace.isNegative()) {
      throw new IllegalArgumentException("inFlightGrace must not be negative");
    }
    Objects.requireNonNull(zone, "zone must not be null");
  }

  public static ChatSettings defaults() {
    return new ChatSettings(CoachContextBuilder.DEFAULT_TOKEN_BUDGET, HistoryWindowPolicy.defaults(), 800,
        MAX_TOOL_ROUNDS, Duration.ofMinutes(2), ZoneId.of("UTC"));
  }
}
