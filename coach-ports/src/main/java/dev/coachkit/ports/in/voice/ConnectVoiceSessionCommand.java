package dev.coachkit.ports.in.voice;

import dev.coachkit.ports.model.voice.VoiceCallListener;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;

/** Connect a relay client to one of the user's open relay voice sessions; its events go to the listener. */
public record ConnectVoiceSessionCommand(UserId userId, VoiceSessionId sessionId, VoiceCallListener listener) {
  public ConnectVoiceSessionCommand {
    Require.nonNull(userId, "userId");
    Require.nonNull(sessionId, "sessionId");
    Require.nonNull(listener, "listener");
  }
}
