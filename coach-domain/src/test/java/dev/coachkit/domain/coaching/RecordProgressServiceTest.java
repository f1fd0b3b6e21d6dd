package dev.coachkit.domain.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.in.coaching.RecordProgressCommand;
import dev.coachkit.ports.model.coaching.ProgressMeasurement;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.testing.InMemoryCoachDataStore;
import dev.coachkit.ports.testing.MutableClock;
import dev.coachkit.ports.testing.TestIds;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordProgressServiceTest {
  private final MutableClock clock = new MutableClock();
  private final InMemoryCoachDataStore store = new InMemoryCoachDataStore();
  private final RecordProgressService service = new RecordProgressService(store, IdGenerator.random(), clock);
  private final UserId user = TestIds.user();

  @Test
  void givenNoTime_record_takesTheClocksNowAndLowerCasesTheMetric() {
    ProgressMeasurement m = service.record(new RecordProgressCommand(user, "Weight", 64.0, "kg", Optional.empty()));

    assertThat(m.measuredAt()).isEqualTo(clock.instant());
    assertThat(m.metric()).isEqualTo("weight");
    assertThat(store.measurements(user, clock.instant(), clock.instant().plusSeconds(1))).containsExactly(m);
  }

  @Test
  void givenATimeDaysAhead_record_isRejected() {
    assertThatThrownBy(() -> service.record(new RecordProgressCommand(user, "weight", 64.0, "kg",
        Optional.of(clock.instant().plus(Duration.ofDays(3)))))).hasMessageContaining("measuredAt");
  }
}
