package dev.coachkit.adapter.web.coach;

import dev.coachkit.ports.model.conversation.Channel;
import dev.coachkit.ports.model.conversation.MessageRole;
import dev.coachkit.ports.model.conversation.MessageStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored message: the user's, the coach's (maybe with tool calls), or a tool result. */
record MessageResponse(
    UUID id,
    UUID conversationId,
    long sequence,
    MessageRole role,
    Channel channel,
    MessageStatus status,
    String content,
    List<ToolCallResponse> toolCalls,
    ToolResultResponse toolResult,
    UUID voiceSessionId,
    boolean flaggedForReview,
    Instant createdAt) {}
