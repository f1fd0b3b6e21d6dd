package dev.coachkit.ports.out.coaching;

import dev.coachkit.ports.model.common.UserId;
import java.time.LocalDate;

/** Driven port: lets exactly one server instance run a user's weekly check-in, however many try. */
public interface CheckInClaims {

  /** Claims the user's check-in for the week starting {@code weekStart}; true only for the first caller ever. */
  boolean claim(UserId userId, LocalDate weekStart);

  /** Forgets every claim of this user, and nothing of anyone else. */
  void deleteAllOf(UserId userId);
}
