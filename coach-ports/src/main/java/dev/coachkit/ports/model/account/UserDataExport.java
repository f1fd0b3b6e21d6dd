package dev.coachkit.ports.model.account;

import dev.coachkit.ports.model.coaching.CoachData;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.Conversation;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.feedback.Feedback;
import dev.coachkit.ports.model.followup.FollowUp;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.usage.UsageEntry;
import dev.coachkit.ports.model.voice.VoiceSession;
import java.time.Instant;
import java.util.List;

/** Everything stored about one user, assembled from every store for a data export. */
public record UserDataExport(
    UserId userId,
    Instant exportedAt,
    CoachData coachData,
    List<Conversation> conversations,
    List<Message> messages,
    List<VoiceSession> voiceSessions,
    List<UsageEntry> usage,
    List<Feedback> feedback,
    List<FollowUp> followUps,
    List<Plan> plans) {
  public UserDataExport {
    Require.nonNull(userId, "userId");
    Require.nonNull(exportedAt, "exportedAt");
    Require.nonNull(coachData, "coachData");
    conversations = Require.list(conversations, "conversations");
    messages = Require.list(messages, "messages");
    voiceSessions = Require.list(voiceSessions, "voiceSessions");
    usage = Require.list(usage, "usage");
    feedback = Require.list(feedback, "feedback");
    followUps = Require.list(followUps, "followUps");
    plans = Require.list(plans, "plans");
  }
}
