package dev.coachkit.adapter.web.coach;

import java.time.Instant;
import java.util.UUID;

/** One usage-ledger entry (one model response). */
record UsageEntryResponse(
    UUID id,
    UUID voiceSessionId,
    UUID conversationId,
    String model,
    TokenUsageResponse tokens,
    double audioSecondsIn,
    double audioSecondsOut,
    long costMicros,
    Instant occurredAt) {}
