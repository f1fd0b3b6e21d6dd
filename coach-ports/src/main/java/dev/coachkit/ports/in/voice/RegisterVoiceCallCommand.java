package dev.coachkit.ports.in.voice;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;

/** Register the provider's call id of a browser's WebRTC call so the server can attach to it. */
public record RegisterVoiceCallCommand(UserId userId, VoiceSessionId sessionId, String callId) {
  public RegisterVoiceCallCommand {
    Require.nonNull(userId, "userId");
    Require.nonNull(sessionId, "sessionId");
    Require.text(callId, "callId", 256);
  }
}
