package dev.coachkit.adapter.web.coach;

import dev.coachkit.ports.model.voice.VoiceEndReason;
import dev.coachkit.ports.model.voice.VoiceSessionStatus;
import dev.coachkit.ports.model.voice.VoiceTransport;
import java.time.Instant;
import java.util.UUID;

/** A voice session, as the export lists it. */
record VoiceSessionResponse(
    UUID id,
    UUID conversationId,
    VoiceSessionStatus status,
    String voice,
    VoiceTransport transport,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt,
    double audioSecondsIn,
    double audioSecondsOut,
    long tokensIn,
    long tokensOut,
    long costMicros,
    VoiceEndReason endReason) {}
