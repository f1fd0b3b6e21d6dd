package dev.coachkit.domain.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.in.coaching.RecordNutritionDayCommand;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.testing.InMemoryCoachDataStore;
import dev.coachkit.ports.testing.MutableClock;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestIds;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordNutritionDayServiceTest {
  private final MutableClock clock = new MutableClock();
  private final InMemoryCoachDataStore store = new InMemoryCoachDataStore();
  private final RecordNutritionDayService service = new RecordNutritionDayService(store, clock);
  private final UserId user = TestIds.user();
  private final LocalDate today = TestCoachDataFactory.MONDAY;

  private RecordNutritionDayCommand day(LocalDate date, int calories, int adherence) {
    return new RecordNutritionDayCommand(user, date, calories, 120, 200, 70, adherence, Optional.empty());
  }

  @Test
  void givenTheSameDateTwice_record_keepsOnlyTheLatest() {
    service.record(day(today, 2_000, 60));
    service.record(day(today, 1_900, 90));

    assertThat(store.nutritionDays(user, today, today)).singleElement()
        .satisfies(d -> assertThat(d.adherencePercent()).isEqualTo(90));
  }

  @Test
  void givenImpossibleCaloriesOrAFutureDate_record_isRejected() {
    assertThatThrownBy(() -> service.record(day(today, -5, 50))).hasMessageContaining("calories");
    assertThatThrownBy(() -> service.record(day(today.plusDays(3), 2_000, 50))).hasMessageContaining("date");
    assertThat(store.nutritionDays(user, today, today.plusDays(3))).isEmpty();
  }
}
