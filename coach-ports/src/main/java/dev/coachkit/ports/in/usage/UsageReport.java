package dev.coachkit.ports.in.usage;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.usage.UsageSummary;
import java.time.Instant;
import java.util.Optional;

/** A user's usage totals for a period (and, if asked, one voice session). */
public record UsageReport(
    UserId userId, Instant from, Instant to, Optional<VoiceSessionId> voiceSessionId, UsageSummary total) {
  public UsageReport {
    Require.nonNull(userId, "userId");
    Require.nonNull(from, "from");
    Require.nonNull(to, "to");
    Require.nonNull(voiceSessionId, "voiceSessionId");
    Require.nonNull(total, "total");
  }
}
