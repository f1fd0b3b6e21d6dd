package dev.coachkit.domain.coaching;

import java.time.Clock;
import java.time.LocalDate;

/** Dates as the clock sees them, in the clock's zone. */
public final class Calendar {
  private Calendar() {}

  /** Today in the clock's zone. */
  public static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), clock.getZone());
  }

  /** The age in whole years someone born in {@code birthYear} turns this year. */
  public static int ageThisYear(int birthYear, Clock clock) {
    return today(clock).getYear() - birthYear;
  }
}
