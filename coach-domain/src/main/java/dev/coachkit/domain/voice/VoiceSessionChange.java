package dev.coachkit.domain.voice;

import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.voice.VoiceSession;
import java.util.Objects;

/** The outcome of applying a lifecycle rule to a voice session: the new state, or a refusal with nothing changed. */
public sealed interface VoiceSessionChange permits VoiceSessionChange.Changed, VoiceSessionChange.Refused {

  /** The rule applied; {@code session} is the new state (equal to the old one when it was already so). */
  record Changed(VoiceSession session) implements VoiceSessionChange {
    public Changed {
      Objects.requireNonNull(session, "session must not be null");
    }
  }

  /** The rule does not allow this in the session's state. */
  record Refused(Refusal refusal) implements VoiceSessionChange {
    public Refused {
      Objects.requireNonNull(refusal, "refusal must not be null");
    }
  }
}
