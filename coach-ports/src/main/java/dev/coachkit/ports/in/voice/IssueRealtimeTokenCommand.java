package dev.coachkit.ports.in.voice;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;

/** Issue an ephemeral realtime token for one of the user's open voice sessions. */
public record IssueRealtimeTokenCommand(UserId userId, VoiceSessionId sessionId) {
  public IssueRealtimeTokenCommand {
    Require.nonNull(userId, "userId");
    Require.nonNull(sessionId, "sessionId");
  }
}
