package dev.coachkit.ports.in.coaching;

import dev.coachkit.ports.model.coaching.ProgressMeasurement;

/** Driving port: records a progress measurement. */
public interface RecordProgressUseCase {

  ProgressMeasurement record(RecordProgressCommand command);
}
