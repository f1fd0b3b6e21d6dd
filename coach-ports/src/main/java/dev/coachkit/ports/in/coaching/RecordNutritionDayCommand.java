package dev.coachkit.ports.in.coaching;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.time.LocalDate;
import java.util.Optional;

/** What the user ate on a date and their adherence (0..100 %); replaces an earlier record of that date. */
public record RecordNutritionDayCommand(
    UserId userId,
    LocalDate date,
    int calories,
    double proteinG,
    double carbsG,
    double fatG,
    int adherencePercent,
    Optional<String> notes) {
  public RecordNutritionDayCommand {
    Require.nonNull(userId, "userId");
    Require.nonNull(date, "date");
    Require.inRange(adherencePercent, "adherencePercent", 0, 100);
    Require.optionalText(notes, "notes", 2_000);
  }
}
