package dev.coachkit.ports.model.coaching;

import dev.coachkit.ports.model.common.MeasurementId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.time.Instant;

/** One measurement of progress, e.g. metric "weight", value 81.5, unit "kg". */
public record ProgressMeasurement(
    MeasurementId id, UserId userId, String metric, double value, String unit, Instant measuredAt) {
  public ProgressMeasurement {
    Require.nonNull(id, "id");
    Require.nonNull(userId, "userId");
    Require.text(metric, "metric", 64);
    Require.inRange(value, "value", -1e9, 1e9);
    Require.text(unit, "unit", 16);
    Require.nonNull(measuredAt, "measuredAt");
  }
}
