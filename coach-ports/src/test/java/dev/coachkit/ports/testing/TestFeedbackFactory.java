package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.feedback.Feedback;
import dev.coachkit.ports.model.feedback.FeedbackTarget;
import dev.coachkit.ports.model.feedback.Rating;
import java.time.Instant;
import java.util.Optional;

/** Fixtures for feedback. */
public final class TestFeedbackFactory {
  private TestFeedbackFactory() {}

  public static Feedback onMessage(UserId userId, Rating rating, Instant at) {
    return feedback(userId, new FeedbackTarget.OnMessage(TestIds.message()), rating, at);
  }

  public static Feedback feedback(UserId userId, FeedbackTarget target, Rating rating, Instant at) {
    return new Feedback(TestIds.feedback(), userId, target, rating, Optional.of("Rated " + rating), at);
  }
}
