package dev.coachkit.adapter.web.coach;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The coach's reply to a chat turn. */
record ChatResponse(
    UUID messageId,
    UUID conversationId,
    String content,
    List<String> suggestedActions,
    boolean requiresWorkoutPlan,
    boolean requiresNutritionPlan,
    List<ToolCallResponse> toolCalls,
    List<ToolResultResponse> toolResults,
    TokenUsageResponse usage,
    String provider,
    String model,
    Instant timestamp) {}
