package dev.coachkit.ports.in.feedback;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.feedback.Feedback;
import dev.coachkit.ports.model.feedback.FeedbackTarget;
import dev.coachkit.ports.model.feedback.Rating;
import java.util.Optional;

/** A user's thumbs up or down on one of their replies or voice sessions, with an optional comment. */
public record GiveFeedbackCommand(UserId userId, FeedbackTarget target, Rating rating, Optional<String> comment) {
  public GiveFeedbackCommand {
    Require.nonNull(userId, "userId");
    Require.nonNull(target, "target");
    Require.nonNull(rating, "rating");
    Require.optionalText(comment, "comment", Feedback.MAX_COMMENT_LENGTH);
  }
}
