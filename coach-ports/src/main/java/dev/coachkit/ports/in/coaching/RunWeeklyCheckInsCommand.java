package dev.coachkit.ports.in.coaching;

import dev.coachkit.ports.model.common.Require;
import java.time.DayOfWeek;
import java.time.LocalDate;

/** Run the weekly check-in for every opted-in user for the week that starts on {@code weekStart} (a Monday). */
public record RunWeeklyCheckInsCommand(LocalDate weekStart) {
  public RunWeeklyCheckInsCommand {
    Require.nonNull(weekStart, "weekStart");
    if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new IllegalArgumentException("weekStart must be a Monday");
    }
  }
}
