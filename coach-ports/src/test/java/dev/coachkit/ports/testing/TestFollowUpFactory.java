package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.followup.FollowUp;
import dev.coachkit.ports.model.followup.FollowUpStatus;
import java.time.Instant;
import java.util.Optional;

/** Fixtures for follow-ups. */
public final class TestFollowUpFactory {
  private TestFollowUpFactory() {}

  public static FollowUp scheduled(UserId userId, String topic, Instant dueAt) {
    return new FollowUp(TestIds.followUp(), userId, dueAt, topic, FollowUpStatus.SCHEDULED, Optional.empty(),
        TestConversationFactory.T0, Optional.empty());
  }

  public static FollowUp completed(FollowUp f, Instant at) {
    return new FollowUp(f.id(), f.userId(), f.dueAt(), f.topic(), FollowUpStatus.COMPLETED,
        f.sourceConversationId(), f.createdAt(), Optional.of(at));
  }
}
