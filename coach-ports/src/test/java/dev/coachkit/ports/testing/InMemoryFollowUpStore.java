package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.common.FollowUpId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.followup.FollowUp;
import dev.coachkit.ports.model.followup.FollowUpStatus;
import dev.coachkit.ports.out.followup.FollowUpStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory {@link FollowUpStore}; thread-safe by one lock. */
public final class InMemoryFollowUpStore implements FollowUpStore {
  private final Map<FollowUpId, FollowUp> followUps = new LinkedHashMap<>();

  @Override
  public synchronized void save(FollowUp followUp) {
    FollowUp existing = followUps.get(followUp.id());
    if (existing != null && !existing.userId().equals(followUp.userId())) {
      throw new IllegalArgumentException("id " + followUp.id() + " belongs to another user");
    }
    followUps.put(followUp.id(), followUp);
  }

  @Override
  public synchronized Optional<FollowUp> find(UserId userId, FollowUpId followUpId) {
    return Optional.ofNullable(followUps.get(followUpId)).filter(f -> f.userId().equals(userId));
  }

  @Override
  public synchronized List<FollowUp> due(UserId userId, Instant at, int limit) {
    return followUps.values().stream()
        .filter(f -> f.userId().equals(userId) && f.status() == FollowUpStatus.SCHEDULED && !f.dueAt().isAfter(at))
        .sorted(Comparator.comparing(FollowUp::dueAt))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<FollowUp> list(UserId userId) {
    return followUps.values().stream()
        .filter(f -> f.userId().equals(userId))
        .sorted(Comparator.comparing(FollowUp::dueAt))
        .toList();
  }

  @Override
  public synchronized void deleteAllOf(UserId userId) {
    followUps.values().removeIf(f -> f.userId().equals(userId));
  }
}
