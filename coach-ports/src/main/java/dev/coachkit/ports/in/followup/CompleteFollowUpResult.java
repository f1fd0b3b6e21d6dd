package dev.coachkit.ports.in.followup;

import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.followup.FollowUp;

/** The outcome of completing a follow-up: completed (also if it already was), or refused. */
public sealed interface CompleteFollowUpResult permits CompleteFollowUpResult.Completed, CompleteFollowUpResult.Refused {

  /** The follow-up as stored. */
  record Completed(FollowUp followUp) implements CompleteFollowUpResult {
    public Completed {
      Require.nonNull(followUp, "followUp");
    }
  }

  /** The request was refused; nothing changed. */
  record Refused(Refusal refusal) implements CompleteFollowUpResult {
    public Refused {
      Require.nonNull(refusal, "refusal");
    }
  }
}
