package dev.coachkit.domain.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.in.coaching.RecordWorkoutCommand;
import dev.coachkit.ports.model.coaching.WorkoutLog;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.testing.InMemoryCoachDataStore;
import dev.coachkit.ports.testing.MutableClock;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestIds;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordWorkoutServiceTest {
  private final MutableClock clock = new MutableClock(); // Monday 2026-01-05
  private final InMemoryCoachDataStore store = new InMemoryCoachDataStore();
  private final RecordWorkoutService service = new RecordWorkoutService(store, IdGenerator.random(), clock);
  private final UserId user = TestIds.user();

  private RecordWorkoutCommand on(LocalDate date, int minutes) {
    return new RecordWorkoutCommand(user, date, " Run ", minutes, Optional.of(6), List.of(), Optional.empty());
  }

  @Test
  void givenAWorkoutToday_record_storesItWithAnIdAndTheRecordingTime() {
    WorkoutLog workout = service.record(on(TestCoachDataFactory.MONDAY, 30));

    assertThat(workout.activity()).isEqualTo("Run");
    assertThat(workout.recordedAt()).isEqualTo(clock.instant());
    assertThat(store.workouts(user, TestCoachDataFactory.MONDAY, TestCoachDataFactory.MONDAY))
        .containsExactly(workout);
  }

  @Test
  void givenADateAfterTomorrow_record_isRejected() {
    assertThatThrownBy(() -> service.record(on(TestCoachDataFactory.MONDAY.plusDays(2), 30)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("date");
  }

  @Test
  void givenAZeroMinuteWorkout_record_isRejectedNamingTheField() {
    assertThatThrownBy(() -> service.record(on(TestCoachDataFactory.MONDAY, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("durationMinutes");
  }
}
