package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.feedback.Feedback;
import dev.coachkit.ports.model.feedback.FeedbackTarget;
import dev.coachkit.ports.out.feedback.FeedbackStore;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory {@link FeedbackStore}: one feedback per user and target; thread-safe by one lock. */
public final class InMemoryFeedbackStore implements FeedbackStore {
  private final Map<String, Feedback> byUserAndTarget = new LinkedHashMap<>();

  private static String key(UserId userId, FeedbackTarget target) {
    return userId.value() + "\n" + target;
  }

  @Override
  public synchronized void save(Feedback feedback) {
    byUserAndTarget.put(key(feedback.userId(), feedback.target()), feedback);
  }

  @Override
  public synchronized Optional<Feedback> find(UserId userId, FeedbackTarget target) {
    return Optional.ofNullable(byUserAndTarget.get(key(userId, target)));
  }

  @Override
  public synchronized List<Feedback> list(UserId userId) {
    return byUserAndTarget.values().stream()
        .filter(f -> f.userId().equals(userId))
        .sorted(Comparator.comparing(Feedback::createdAt))
        .toList();
  }

  @Override
  public synchronized void deleteAllOf(UserId userId) {
    byUserAndTarget.values().removeIf(f -> f.userId().equals(userId));
  }
}
