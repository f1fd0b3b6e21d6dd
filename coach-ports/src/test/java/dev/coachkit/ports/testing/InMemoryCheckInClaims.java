package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.out.coaching.CheckInClaims;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link CheckInClaims}: a concurrent set of (user, week) pairs. */
public final class InMemoryCheckInClaims implements CheckInClaims {
  private final Map<UserId, Set<LocalDate>> claims = new ConcurrentHashMap<>();

  @Override
  public boolean claim(UserId userId, LocalDate weekStart) {
    return claims.computeIfAbsent(userId, u -> ConcurrentHashMap.newKeySet()).add(weekStart);
  }

  @Override
  public void deleteAllOf(UserId userId) {
    claims.remove(userId);
  }
}
