package dev.coachkit.ports.in.coaching;

import dev.coachkit.ports.model.coaching.WorkoutLog;

/** Driving port: records a workout the user did. */
public interface RecordWorkoutUseCase {

  WorkoutLog record(RecordWorkoutCommand command);
}
