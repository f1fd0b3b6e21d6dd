package dev.coachkit.ports.in.coaching;

import dev.coachkit.ports.model.coaching.Goal;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.Require;

/** The outcome of setting a goal: saved, or refused (e.g. NOT_FOUND for another user's goal id). */
public sealed interface SetGoalResult permits SetGoalResult.Saved, SetGoalResult.Refused {

  /** The goal as stored. */
  record Saved(Goal goal) implements SetGoalResult {
    public Saved {
      Require.nonNull(goal, "goal");
    }
  }

  /** Nothing was stored. */
  record Refused(Refusal refusal) implements SetGoalResult {
    public Refused {
      Require.nonNull(refusal, "refusal");
    }
  }
}
