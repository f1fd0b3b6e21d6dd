package dev.coachkit.ports.in.voice;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;

/** Which of the user's voice sessions to read. */
public record GetVoiceSessionQuery(UserId userId, VoiceSessionId sessionId) {
  public GetVoiceSessionQuery {
    Require.nonNull(userId, "userId");
    Require.nonNull(sessionId, "sessionId");
  }
}
