package dev.coachkit.ports.in.voice;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.voice.VoiceEndReason;

/** End one of the user's voice sessions for this reason. */
public record EndVoiceSessionCommand(UserId userId, VoiceSessionId sessionId, VoiceEndReason reason) {
  public EndVoiceSessionCommand {
    Require.nonNull(userId, "userId");
    Require.nonNull(sessionId, "sessionId");
    Require.nonNull(reason, "reason");
  }
}
