package dev.coachkit.ports.in.usage;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import java.time.Instant;
import java.util.Optional;

/** A user's usage in {@code [from, to)}, optionally only of one voice session. */
public record GetUsageQuery(UserId userId, Instant from, Instant to, Optional<VoiceSessionId> voiceSessionId) {
  public GetUsageQuery {
    Require.nonNull(userId, "userId");
    Require.nonNull(from, "from");
    Require.nonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("to must be after from");
    }
    Require.nonNull(voiceSessionId, "voiceSessionId");
  }
}
