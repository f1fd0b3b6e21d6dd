package dev.coachkit.ports.in.followup;

import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.followup.FollowUp;

/** The outcome of scheduling a follow-up. */
public sealed interface ScheduleFollowUpResult permits ScheduleFollowUpResult.Scheduled, ScheduleFollowUpResult.Refused {

  /** The follow-up as stored. */
  record Scheduled(FollowUp followUp) implements ScheduleFollowUpResult {
    public Scheduled {
      Require.nonNull(followUp, "followUp");
    }
  }

  /** The request was refused; nothing changed. */
  record Refused(Refusal refusal) implements ScheduleFollowUpResult {
    public Refused {
      Require.nonNull(refusal, "refusal");
    }
  }
}
