package dev.coachkit.ports.in.coaching;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.time.Instant;
import java.util.Optional;

/** A progress measurement the user reports; without {@code measuredAt}, it is taken as now. */
public record RecordProgressCommand(
    UserId userId, String metric, double value, String unit, Optional<Instant> measuredAt) {
  public RecordProgressCommand {
    Require.nonNull(userId, "userId");
    Require.text(metric, "metric", 64);
    Require.text(unit, "unit", 16);
    Require.nonNull(measuredAt, "measuredAt");
  }
}
