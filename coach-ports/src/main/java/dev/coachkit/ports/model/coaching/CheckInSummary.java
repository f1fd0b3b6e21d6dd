package dev.coachkit.ports.model.coaching;

import dev.coachkit.ports.model.common.CheckInId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A structured summary of a period of conversation (inclusive dates), with mood and energy as the user reported
 * them; the next plan is generated from it.
 */
public record CheckInSummary(
    CheckInId id,
    UserId userId,
    LocalDate periodStart,
    LocalDate periodEnd,
    Optional<Integer> adherencePercent,
    List<String> wins,
    List<String> obstacles,
    List<String> preferences,
    Optional<String> mood,
    Optional<String> energy,
    List<String> openQuestions,
    Instant createdAt) {
  public CheckInSummary {
    Require.nonNull(id, "id");
    Require.nonNull(userId, "userId");
    Require.nonNull(periodStart, "periodStart");
    Require.nonNull(periodEnd, "periodEnd");
    if (periodEnd.isBefore(periodStart)) {
      throw new IllegalArgumentException("periodEnd must not be before periodStart");
    }
    Require.nonNull(adherencePercent, "adherencePercent")
        .ifPresent(a -> Require.inRange(a, "adherencePercent", 0, 100));
    wins = Require.texts(wins, "wins", 20, 500);
    obstacles = Require.texts(obstacles, "obstacles", 20, 500);
    preferences = Require.texts(preferences, "preferences", 20, 500);
    Require.optionalText(mood, "mood", 200);
    Require.optionalText(energy, "energy", 200);
    openQuestions = Require.texts(openQuestions, "openQuestions", 20, 500);
    Require.nonNull(createdAt, "createdAt");
  }
}
