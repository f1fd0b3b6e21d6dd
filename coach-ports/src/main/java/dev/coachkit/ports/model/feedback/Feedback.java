package dev.coachkit.ports.model.feedback;

import dev.coachkit.ports.model.common.FeedbackId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.time.Instant;
import java.util.Optional;

/** A user's rating of a target; a user has at most one feedback per target, the latest wins. */
public record Feedback(
    FeedbackId id, UserId userId, FeedbackTarget target, Rating rating, Optional<String> comment, Instant createdAt) {
  public static final int MAX_COMMENT_LENGTH = 2_000;

  public Feedback {
    Require.nonNull(id, "id");
    Require.nonNull(userId, "userId");
    Require.nonNull(target, "target");
    Require.nonNull(rating, "rating");
    Require.optionalText(comment, "comment", MAX_COMMENT_LENGTH);
    Require.nonNull(createdAt, "createdAt");
  }
}
