package dev.coachkit.adapter.web.coach;

/** Tokens used (input includes cached input; audio counts are part of input and output). */
record TokenUsageResponse(
    long inputTokens, long cachedInputTokens, long outputTokens, long audioInputTokens, long audioOutputTokens) {}
