package dev.coachkit.ports.in.coaching;

import dev.coachkit.ports.model.coaching.GoalStatus;
import dev.coachkit.ports.model.common.GoalId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.time.LocalDate;
import java.util.Optional;

/** A new goal, or (with {@code goalId}) a change to one of the user's goals. */
public record SetGoalCommand(
    UserId userId,
    Optional<GoalId> goalId,
    String description,
    Optional<String> metric,
    Optional<Double> targetValue,
    Optional<String> unit,
    Optional<LocalDate> targetDate,
    GoalStatus status) {
  public SetGoalCommand {
    Require.nonNull(userId, "userId");
    Require.nonNull(goalId, "goalId");
    Require.text(description, "description", 500);
    Require.optionalText(metric, "metric", 64);
    Require.nonNull(targetValue, "targetValue");
    Require.optionalText(unit, "unit", 16);
    Require.nonNull(targetDate, "targetDate");
    Require.nonNull(status, "status");
  }
}
