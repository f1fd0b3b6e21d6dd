package dev.coachkit.domain.coaching;

import dev.coachkit.ports.in.coaching.RecordNutritionDayCommand;
import dev.coachkit.ports.in.coaching.RecordNutritionDayUseCase;
import dev.coachkit.ports.model.coaching.NutritionDay;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import java.time.Clock;
import java.util.Objects;

/**
 * Records (or replaces) what the user ate on a date. A date after tomorrow is rejected with
 * IllegalArgumentException, as are values a nutrition day does not accept.
 */
public final class RecordNutritionDayService implements RecordNutritionDayUseCase {
  private final CoachDataStore store;
  private final Clock clock;

  public RecordNutritionDayService(CoachDataStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @Override
  public NutritionDay record(RecordNutritionDayCommand command) {
    if (command.date().isAfter(Calendar.today(clock).plusDays(1))) {
      throw new IllegalArgumentException("date must not be in the future, was " + command.date());
    }
    NutritionDay day = new NutritionDay(command.userId(), command.date(), command.calories(), command.proteinG(),
        command.carbsG(), command.fatG(), command.adherencePercent(), command.notes(), clock.instant());
    store.saveNutritionDay(day);
    return day;
  }
}
