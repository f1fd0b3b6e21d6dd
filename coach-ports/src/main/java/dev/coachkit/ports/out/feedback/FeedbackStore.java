package dev.coachkit.ports.out.feedback;

import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.feedback.Feedback;
import dev.coachkit.ports.model.feedback.FeedbackTarget;
import java.util.List;
import java.util.Optional;

/** Driven port: stores feedback, at most one per user and target (the latest replaces the earlier). */
public interface FeedbackStore {

  void save(Feedback feedback);

  Optional<Feedback> find(UserId userId, FeedbackTarget target);

  /** All of the user's feedback, oldest first. */
  List<Feedback> list(UserId userId);

  /** Removes every feedback of this user, and nothing of anyone else. */
  void deleteAllOf(UserId userId);
}
