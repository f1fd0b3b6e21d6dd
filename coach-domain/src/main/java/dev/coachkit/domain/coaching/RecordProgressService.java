package dev.coachkit.domain.coaching;

import dev.coachkit.ports.in.coaching.RecordProgressCommand;
import dev.coachkit.ports.in.coaching.RecordProgressUseCase;
import dev.coachkit.ports.model.coaching.ProgressMeasurement;
import dev.coachkit.ports.model.common.MeasurementId;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.common.IdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Records a progress measurement, taken now unless the command says when; the metric is stored in lower case so
 * "Weight" and "weight" form one trend. A time more than a day ahead is rejected with IllegalArgumentException.
 */
public final class RecordProgressService implements RecordProgressUseCase {
  private static final Duration MAX_AHEAD = Duration.ofDays(1);

  private final CoachDataStore store;
  private final IdGenerator ids;
  private final Clock clock;

  public RecordProgressService(CoachDataStore store, IdGenerator ids, Clock clock) {
    this.store = Objects.requireNonNull(store, "store must not be null");
    this.ids = Objects.requireNonNull(ids, "ids must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @Override
  public ProgressMeasurement record(RecordProgressCommand command) {
    Instant now = clock.instant();
    Instant measuredAt = command.measuredAt().orElse(now);
    if (measuredAt.isAfter(now.plus(MAX_AHEAD))) {
      throw new IllegalArgumentException("measuredAt must not be in the future, was " + measuredAt);
    }
    ProgressMeasurement measurement = new ProgressMeasurement(MeasurementId.of(ids.next()), command.userId(),
        command.metric().strip().toLowerCase(Locale.ROOT), command.value(), command.unit().strip(), measuredAt);
    store.saveMeasurement(measurement);
    return measurement;
  }
}
