package dev.coachkit.adapter.web.coach;

import java.math.BigDecimal;
import java.time.Instant;

/** A user's usage in [from, to): model responses, tokens, audio seconds and cost. */
record UsageResponse(
    Instant from,
    Instant to,
    long responses,
    TokenUsageResponse tokens,
    double audioSecondsIn,
    double audioSecondsOut,
    long costMicros,
    BigDecimal costUsd) {}
