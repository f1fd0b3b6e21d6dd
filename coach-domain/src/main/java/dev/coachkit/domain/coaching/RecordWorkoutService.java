package dev.coachkit.domain.coaching;

import dev.coachkit.ports.in.coaching.RecordWorkoutCommand;
import dev.coachkit.ports.in.coaching.RecordWorkoutUseCase;
import dev.coachkit.ports.model.coaching.WorkoutLog;
import dev.coachkit.ports.model.common.WorkoutId;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.common.IdGenerator;
import java.time.Clock;
import java.util.Objects;

/**
 * Records a workout the user did. A date after tomorrow (tomorrow is allowed for time zones) is rejected with
 * IllegalArgumentException, as are values the workout log does not accept.
 */
public final class RecordWorkoutService implements RecordWorkoutUseCase {
  private final CoachDataStore store;
  private final IdGenerator ids;
  private final Clock clock;

  public RecordWorkoutService(CoachDataStore store, IdGenerator ids, Clock clock) {
    this.store = Objects.requireNonNull(store, "store must not be null");
    this.ids = Objects.requireNonNull(ids, "ids must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @Override
  public WorkoutLog record(RecordWorkoutCommand command) {
    if (command.date().isAfter(Calendar.today(clock).plusDays(1))) {
      throw new IllegalArgumentException("date must not be in the future, was " + command.date());
    }
    WorkoutLog workout = new WorkoutLog(WorkoutId.of(ids.next()), command.userId(), command.date(),
        command.activity().strip(), command.durationMinutes(), command.perceivedExertion(), command.exercises(),
        command.notes(), clock.instant());
    store.saveWorkout(workout);
    return workout;
  }
}
