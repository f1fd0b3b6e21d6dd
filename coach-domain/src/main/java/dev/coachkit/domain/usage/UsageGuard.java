package dev.coachkit.domain.usage;

import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.usage.UsageTally;
import dev.coachkit.ports.out.usage.UsageLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Decides from the usage ledger whether a user may start another model turn: daily budget, then rate limit. */
public final class UsageGuard {
  static final Duration WINDOW = Duration.ofMinutes(1);

  private final UsageLedger ledger;
  private final UsageLimits limits;
  private final Clock clock;

  public UsageGuard(UsageLedger ledger, UsageLimits limits, Clock clock) {
    this.ledger = Objects.requireNonNull(ledger, "ledger must not be null");
    this.limits = Objects.requireNonNull(limits, "limits must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  /** The two instants a check at {@code now} sums from: the start of the day, and one minute ago. */
  public record TallyWindow(Instant now, Instant costSince, Instant responsesSince) {
  }

  /** The tally a check made at {@code now} needs. */
  public TallyWindow windowAt(Instant now) {
    Instant startOfDay = now.atZone(limits.dayZone()).toLocalDate().atStartOfDay(limits.dayZone()).toInstant();
    return new TallyWindow(now, startOfDay, now.minus(WINDOW));
  }

  /** A refusal with its reason and Retry-After when the user may not start a turn now; empty when they may. */
  public Optional<Refusal> check(UserId userId) {
    Objects.requireNonNull(userId, "userId must not be null");
    TallyWindow window = windowAt(clock.instant());
    // Both figures in one ledger call (one query in a database adapter).
    return decide(userId, window, ledger.tally(userId, window.costSince(), window.responsesSince()));
  }

  /**
   * {@link #check} with the tally already read for {@code window} (by a read shared with other data); the ledger is
   * read again only to work out a rate-limit refusal's Retry-After.
   */
  public Optional<Refusal> decide(UserId userId, TallyWindow window, UsageTally tally) {
    Objects.requireNonNull(userId, "userId must not be null");
    Objects.requireNonNull(window, "window must not be null");
    Objects.requireNonNull(tally, "tally must not be null");
    Instant now = window.now();
    if (tally.costMicros() >= limits.dailyBudgetMicros()) {
      Instant tomorrow = window.costSince().atZone(limits.dayZone()).plusDays(1).toInstant();
      return Optional.of(new Refusal(RefusalReason.BUDGET_EXCEEDED,
          "Your daily coaching budget is used up; it renews at midnight (" + limits.dayZone().getId() + ").",
          Optional.of(Duration.between(now, tomorrow))));
    }
    if (tally.responses() >= limits.responsesPerMinute()) {
      return Optional.of(new Refusal(RefusalReason.RATE_LIMITED,
          "Too many messages in the last minute (at most " + limits.responsesPerMinute()
              + " coach responses a minute); please wait a moment.",
          Optional.of(retryAfter(userId, window.responsesSince()))));
    }
    return Optional.empty();
  }

  /** The fewest whole seconds after which the rolling window holds fewer responses than the limit. */
  private Duration retryAfter(UserId userId, Instant windowStart) {
    long lo = 1;
    long hi = WINDOW.toSeconds();
    while (lo < hi) {
      long mid = (lo + hi) / 2;
      if (ledger.countResponsesSince(userId, windowStart.plusSeconds(mid)) < limits.responsesPerMinute()) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return Duration.ofSeconds(lo);
  }
}
