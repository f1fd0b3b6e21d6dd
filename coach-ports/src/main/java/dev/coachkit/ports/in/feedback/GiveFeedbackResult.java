package dev.coachkit.ports.in.feedback;

import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.feedback.Feedback;

/** The outcome of giving feedback: recorded, or refused (NOT_FOUND for another user's target). */
public sealed interface GiveFeedbackResult permits GiveFeedbackResult.Recorded, GiveFeedbackResult.Refused {

  /** The feedback as stored. */
  record Recorded(Feedback feedback) implements GiveFeedbackResult {
    public Recorded {
      Require.nonNull(feedback, "feedback");
    }
  }

  /** The request was refused; nothing changed. */
  record Refused(Refusal refusal) implements GiveFeedbackResult {
    public Refused {
      Require.nonNull(refusal, "refusal");
    }
  }
}
