package dev.coachkit.ports.in.coaching;

import dev.coachkit.ports.model.coaching.CheckInSummary;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.Require;

/** The outcome of a check-in summary: stored, or refused (no model, budget, nothing to summarise, …). */
public sealed interface CheckInResult permits CheckInResult.Summarized, CheckInResult.Refused {

  /** The summary, as stored. */
  record Summarized(CheckInSummary summary) implements CheckInResult {
    public Summarized {
      Require.nonNull(summary, "summary");
    }
  }

  /** No summary was made. */
  record Refused(Refusal refusal) implements CheckInResult {
    public Refused {
      Require.nonNull(refusal, "refusal");
    }
  }
}
