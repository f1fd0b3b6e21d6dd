package dev.coachkit.ports.in.voice;

import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.voice.VoiceSession;

/** The outcome of ending a voice session: ended (also if it had already ended), or refused. */
public sealed interface EndVoiceSessionResult permits EndVoiceSessionResult.Ended, EndVoiceSessionResult.Refused {

  /** The session in its final state. */
  record Ended(VoiceSession session) implements EndVoiceSessionResult {
    public Ended {
      Require.nonNull(session, "session");
    }
  }

  /** The request was refused; nothing changed. */
  record Refused(Refusal refusal) implements EndVoiceSessionResult {
    public Refused {
      Require.nonNull(refusal, "refusal");
    }
  }
}
