package dev.coachkit.adapter.web.coach;

import java.time.Instant;
import java.util.List;

/** Everything stored about the user. */
record ExportResponse(
    String userId,
    Instant exportedAt,
    ProfileResponse profile,
    List<WorkoutResponse> workouts,
    List<NutritionResponse> nutritionDays,
    List<ProgressResponse> measurements,
    List<GoalResponse> goals,
    List<CheckInResponse> checkIns,
    List<ConversationResponse> conversations,
    List<MessageResponse> messages,
    List<VoiceSessionResponse> voiceSessions,
    List<UsageEntryResponse> usage,
    List<FeedbackResponse> feedback,
    List<FollowUpResponse> followUps,
    List<PlanResponse> plans) {}
