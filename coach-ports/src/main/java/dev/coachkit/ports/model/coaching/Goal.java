package dev.coachkit.ports.model.coaching;

import dev.coachkit.ports.model.common.GoalId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Something the user wants to achieve, optionally measurable (metric, target value, unit) and dated. */
public record Goal(
    GoalId id,
    UserId userId,
    String description,
    Optional<String> metric,
    Optional<Double> targetValue,
    Optional<String> unit,
    Optional<LocalDate> targetDate,
    GoalStatus status,
    Instant createdAt,
    Instant updatedAt) {
  public Goal {
    Require.nonNull(id, "id");
    Require.nonNull(userId, "userId");
    Require.text(description, "description", 500);
    Require.optionalText(metric, "metric", 64);
    Require.nonNull(targetValue, "targetValue").ifPresent(v -> Require.inRange(v, "targetValue", -1e9, 1e9));
    Require.optionalText(unit, "unit", 16);
    Require.nonNull(targetDate, "targetDate");
    Require.nonNull(status, "status");
    Require.nonNull(createdAt, "createdAt");
    Require.nonNull(updatedAt, "updatedAt");
  }
}
