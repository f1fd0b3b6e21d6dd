package dev.coachkit.ports.in.voice;

import dev.coachkit.ports.model.voice.VoiceCall;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.Require;

/** The outcome of connecting a relay client to a voice session. */
public sealed interface ConnectVoiceSessionResult permits ConnectVoiceSessionResult.Connected, ConnectVoiceSessionResult.Refused {

  /** The call is live; audio and control go through {@code call}. */
  record Connected(VoiceCall call) implements ConnectVoiceSessionResult {
    public Connected {
      Require.nonNull(call, "call");
    }
  }

  /** The request was refused; nothing changed. */
  record Refused(Refusal refusal) implements ConnectVoiceSessionResult {
    public Refused {
      Require.nonNull(refusal, "refusal");
    }
  }
}
