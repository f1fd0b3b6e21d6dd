package dev.coachkit.ports.in.coaching;

import dev.coachkit.ports.model.coaching.NutritionDay;

/** Driving port: records (or replaces) a user's nutrition for a day. */
public interface RecordNutritionDayUseCase {

  NutritionDay record(RecordNutritionDayCommand command);
}
