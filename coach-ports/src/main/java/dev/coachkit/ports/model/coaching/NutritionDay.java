package dev.coachkit.ports.model.coaching;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** What a user ate on one date and how well they kept to their plan (0..100 %); one per user and date. */
public record NutritionDay(
    UserId userId,
    LocalDate date,
    int calories,
    double proteinG,
    double carbsG,
    double fatG,
    int adherencePercent,
    Optional<String> notes,
    Instant recordedAt) {
  public NutritionDay {
    Require.nonNull(userId, "userId");
    Require.nonNull(date, "date");
    Require.inRange(calories, "calories", 0, 20_000);
    Require.inRange(proteinG, "proteinG", 0, 2_000);
    Require.inRange(carbsG, "carbsG", 0, 5_000);
    Require.inRange(fatG, "fatG", 0, 2_000);
    Require.inRange(adherencePercent, "adherencePercent", 0, 100);
    Require.optionalText(notes, "notes", 2_000);
    Require.nonNull(recordedAt, "recordedAt");
  }
}
