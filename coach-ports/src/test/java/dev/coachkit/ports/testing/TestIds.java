package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.common.CheckInId;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.FeedbackId;
import dev.coachkit.ports.model.common.FollowUpId;
import dev.coachkit.ports.model.common.GoalId;
import dev.coachkit.ports.model.common.MeasurementId;
import dev.coachkit.ports.model.common.MessageId;
import dev.coachkit.ports.model.common.UsageEntryId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.common.WorkoutId;
import java.util.UUID;

/**
 * Fresh identities for tests; user ids are random so contract tests can share one real database.
 */
public final class TestIds {
  private TestIds() {}

  public static UserId user() {
    return UserId.of("user-" + UUID.randomUUID());
  }

  public static ConversationId conversation() {
    return ConversationId.of(UUID.randomUUID());
  }

  public static MessageId message() {
    return MessageId.of(UUID.randomUUID());
  }

  public static VoiceSessionId voiceSession() {
    return VoiceSessionId.of(UUID.randomUUID());
  }

  public static WorkoutId workout() {
    return WorkoutId.of(UUID.randomUUID());
  }

  public static MeasurementId measurement() {
    return MeasurementId.of(UUID.randomUUID());
  }

  public static GoalId goal() {
    return GoalId.of(UUID.randomUUID());
  }

  public static CheckInId checkIn() {
    return CheckInId.of(UUID.randomUUID());
  }

  public static UsageEntryId usageEntry() {
    return UsageEntryId.of(UUID.randomUUID());
  }

  public static FeedbackId feedback() {
    return FeedbackId.of(UUID.randomUUID());
  }

  public static FollowUpId followUp() {
    return FollowUpId.of(UUID.randomUUID());
  }
}
