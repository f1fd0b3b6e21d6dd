package dev.coachkit.adapter.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.model.coaching.CoachDataWindow;
import dev.coachkit.ports.model.coaching.NutritionDay;
import dev.coachkit.ports.model.coaching.ProgressMeasurement;
import dev.coachkit.ports.model.coaching.RecentCoachData;
import dev.coachkit.ports.model.coaching.WorkoutLog;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoachDataCacheTest {
  private static final LocalDate DAY = TestCoachDataFactory.MONDAY;
  private static final Instant T0 = TestCoachDataFactory.T0;
  private static final CoachDataWindow WINDOW =
      new CoachDataWindow(DAY.minusDays(6), DAY.minusDays(2), DAY, T0.minus(Duration.ofDays(30)), T0);
  private static final RecentCoachData EMPTY = new RecentCoachData(Optional.empty(), List.of(), List.of(), List.of(),
      List.of(), Optional.empty(), List.of());

  @Test
  void anEntry_coversWindowsWhoseStartsAreNotBeforeItsOwn() {
    CoachDataCache.Entry entry = new CoachDataCache.Entry(7, WINDOW, EMPTY);

    assertThat(entry.covers(WINDOW)).isTrue();
    assertThat(entry.covers(shifted(WINDOW, 1))).isTrue();
    assertThat(entry.covers(shifted(WINDOW, -1))).isFalse();
    assertThat(entry.covers(new CoachDataWindow(WINDOW.workoutsFrom(), WINDOW.nutritionFrom().minusDays(1),
        WINDOW.through(), WINDOW.measuredFrom(), WINDOW.measuredBefore()))).isFalse();
    assertThat(entry.covers(new CoachDataWindow(WINDOW.workoutsFrom(), WINDOW.nutritionFrom(), WINDOW.through(),
        WINDOW.measuredFrom().minusNanos(1000), WINDOW.measuredBefore()))).isFalse();
  }

  @Test
  void find_answersOnlyAnEntryThatCoversTheWindow() {
    CoachDataCache cache = new CoachDataCache(10);
    UserId alice = TestIds.user();
    CoachDataCache.Entry entry = new CoachDataCache.Entry(7, WINDOW, EMPTY);
    cache.put(alice, entry);

    assertThat(cache.find(alice, WINDOW)).isSameAs(entry);
    assertThat(cache.find(alice, shifted(WINDOW, -1))).isNull();
    assertThat(cache.find(TestIds.user(), WINDOW)).isNull();
  }

  @Test
  void givenAFullCache_put_dropsATenthAndKeepsTheNewEntry() {
    CoachDataCache cache = new CoachDataCache(20);
    for (int i = 0; i < 20; i++) {
      cache.put(TestIds.user(), new CoachDataCache.Entry(i, WINDOW, EMPTY));
    }
    UserId last = TestIds.user();

    cache.put(last, new CoachDataCache.Entry(99, WINDOW, EMPTY));

    assertThat(cache.size()).isEqualTo(19);
    assertThat(cache.find(last, WINDOW).version()).isEqualTo(99);
    assertThatThrownBy(() -> new CoachDataCache(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dataIn_keepsTheRecordsTheWindowCovers_inTheirOrder() {
    UserId alice = TestIds.user();
    RecentCoachData data = new RecentCoachData(Optional.of(TestCoachDataFactory.profile(alice)),
        List.of(TestCoachDataFactory.workout(alice, DAY.minusDays(7)), TestCoachDataFactory.workout(alice,
            DAY.minusDays(6)), TestCoachDataFactory.workout(alice, DAY), TestCoachDataFactory.workout(alice,
            DAY.plusDays(1))),
        List.of(TestCoachDataFactory.nutritionDay(alice, DAY.minusDays(3), 10),
            TestCoachDataFactory.nutritionDay(alice, DAY.minusDays(2), 20),
            TestCoachDataFactory.nutritionDay(alice, DAY.plusDays(1), 30)),
        List.of(TestCoachDataFactory.weight(alice, 1, WINDOW.measuredFrom().minusNanos(1000)),
            TestCoachDataFactory.weight(alice, 2, WINDOW.measuredFrom()),
            TestCoachDataFactory.weight(alice, 3, WINDOW.measuredBefore().minusNanos(1000)),
            TestCoachDataFactory.weight(alice, 4, WINDOW.measuredBefore())),
        List.of(TestCoachDataFactory.goal(alice, "Run 5 km", T0)),
        Optional.of(TestCoachDataFactory.checkIn(alice, DAY, T0)),
        List.of());

    RecentCoachData in = CoachDataCache.dataIn(data, WINDOW);

    assertThat(in.workouts()).extracting(WorkoutLog::date).containsExactly(DAY.minusDays(6), DAY);
    assertThat(in.nutritionDays()).extracting(NutritionDay::date).containsExactly(DAY.minusDays(2));
    assertThat(in.measurements()).extracting(ProgressMeasurement::value).containsExactly(2.0, 3.0);
    assertThat(in.profile()).isEqualTo(data.profile());
    assertThat(in.activeGoals()).isEqualTo(data.activeGoals());
    assertThat(in.latestCheckIn()).isEqualTo(data.latestCheckIn());
  }

  private static CoachDataWindow shifted(CoachDataWindow window, int days) {
    return new CoachDataWindow(window.workoutsFrom().plusDays(days), window.nutritionFrom().plusDays(days),
        window.through().plusDays(days), window.measuredFrom().plus(Duration.ofDays(days)),
        window.measuredBefore().plus(Duration.ofDays(days)));
  }
}
