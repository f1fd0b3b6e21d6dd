package dev.coachkit.domain.usage;

import dev.coachkit.ports.in.usage.GetUsageQuery;
import dev.coachkit.ports.in.usage.GetUsageUseCase;
import dev.coachkit.ports.in.usage.UsageReport;
import dev.coachkit.ports.model.usage.UsageSummary;
import dev.coachkit.ports.out.usage.UsageLedger;
import java.util.Objects;

/**
 * Reports a user's usage for a period from the ledger; for one voice session it reports that session's totals
 * (a session lasts at most minutes, so the period is not applied to it).
 */
public final class GetUsageService implements GetUsageUseCase {
  private final UsageLedger ledger;

  public GetUsageService(UsageLedger ledger) {
    this.ledger = Objects.requireNonNull(ledger, "ledger must not be null");
  }

  @Override
  public UsageReport get(GetUsageQuery query) {
    UsageSummary total = query.voiceSessionId()
        .map(session -> ledger.summarizeSession(query.userId(), session))
        .orElseGet(() -> ledger.summarize(query.userId(), query.from(), query.to()));
    return new UsageReport(query.userId(), query.from(), query.to(), query.voiceSessionId(), total);
  }
}
