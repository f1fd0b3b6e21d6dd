package dev.coachkit.domain.usage;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Per-user limits: a daily spending budget in micro-USD (the day starts at midnight in {@code dayZone}) and a
 * rate limit in model responses per rolling minute.
 *
 * <p>Defaults: 1 USD a day, 30 responses a minute, days in UTC. A chat turn that runs tools makes one model
 * response per round, so it counts several times against the rate limit.
 */
public record UsageLimits(long dailyBudgetMicros, int responsesPerMinute, ZoneId dayZone) {
  public static final long DEFAULT_DAILY_BUDGET_MICROS = 1_000_000L;
  public static final int DEFAULT_RESPONSES_PER_MINUTE = 30;

  public UsageLimits {
    if (dailyBudgetMicros <= 0) {
      throw new IllegalArgumentException("dailyBudgetMicros must be positive, was " + dailyBudgetMicros);
    }
    if (responsesPerMinute <= 0) {
      throw new IllegalArgumentException("responsesPerMinute must be positive, was " + responsesPerMinute);
    }
    Objects.requireNonNull(dayZone, "dayZone must not be null");
  }

  public static UsageLimits defaults() {
    return new UsageLimits(DEFAULT_DAILY_BUDGET_MICROS, DEFAULT_RESPONSES_PER_MINUTE, ZoneId.of("UTC"));
  }
}
