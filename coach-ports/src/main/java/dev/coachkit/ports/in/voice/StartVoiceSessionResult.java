package dev.coachkit.ports.in.voice;

import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.realtime.EphemeralToken;
import dev.coachkit.ports.model.voice.VoiceSession;
import java.util.Optional;

/** The outcome of starting a voice session: started, or refused (session active, budget, rate limit, …). */
public sealed interface StartVoiceSessionResult permits StartVoiceSessionResult.Started, StartVoiceSessionResult.Refused {

  /** The session was created; for WebRTC, with an ephemeral token and call URL for the browser. */
  record Started(VoiceSession session, Optional<EphemeralToken> token) implements StartVoiceSessionResult {
    public Started {
      Require.nonNull(session, "session");
      Require.nonNull(token, "token");
    }
  }

  /** The request was refused; nothing changed. */
  record Refused(Refusal refusal) implements StartVoiceSessionResult {
    public Refused {
      Require.nonNull(refusal, "refusal");
    }
  }
}
