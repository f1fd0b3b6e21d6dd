package dev.coachkit.ports.in.voice;

import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.voice.VoiceSession;

/** The outcome of registering a browser's WebRTC call for server sideband control. */
public sealed interface RegisterVoiceCallResult permits RegisterVoiceCallResult.Registered, RegisterVoiceCallResult.Refused {

  /** The session with the call id recorded; the server is attached to the call. */
  record Registered(VoiceSession session) implements RegisterVoiceCallResult {
    public Registered {
      Require.nonNull(session, "session");
    }
  }

  /** The request was refused; nothing changed. */
  record Refused(Refusal refusal) implements RegisterVoiceCallResult {
    public Refused {
      Require.nonNull(refusal, "refusal");
    }
  }
}
