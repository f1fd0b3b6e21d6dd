package dev.coachkit.ports.model.usage;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.model.TokenUsage;

/** Totals over a set of usage entries: responses, tokens, audio seconds and cost in micro-USD. */
public record UsageSummary(
    long responses, TokenUsage tokens, double audioSecondsIn, double audioSecondsOut, long costMicros) {
  public static final UsageSummary EMPTY = new UsageSummary(0, TokenUsage.ZERO, 0, 0, 0);

  public UsageSummary {
    Require.nonNegative(responses, "responses");
    Require.nonNull(tokens, "tokens");
    Require.nonNegative(audioSecondsIn, "audioSecondsIn");
    Require.nonNegative(audioSecondsOut, "audioSecondsOut");
    Require.nonNegative(costMicros, "costMicros");
  }

  /** This summary with one more entry added. */
  public UsageSummary plus(UsageEntry entry) {
    return new UsageSummary(
        responses + 1,
        tokens.plus(entry.tokens()),
        audioSecondsIn + entry.audioSecondsIn(),
        audioSecondsOut + entry.audioSecondsOut(),
        Math.addExact(costMicros, entry.costMicros()));
  }
}
