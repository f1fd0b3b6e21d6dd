package dev.coachkit.ports.out.voice;

import dev.coachkit.ports.model.voice.VoiceSession;
import java.util.Objects;

/** What {@link VoiceSessionStore#create} did: stored the session, or refused because the user has open ones. */
public sealed interface VoiceSessionCreation
    permits VoiceSessionCreation.Created, VoiceSessionCreation.AlreadyActive {

  /** The session was stored. */
  record Created(VoiceSession session) implements VoiceSessionCreation {
    public Created {
      Objects.requireNonNull(session, "session must not be null");
    }
  }

  /** Nothing was stored: the user already has the maximum of open sessions; {@code existing} is the oldest. */
  record AlreadyActive(VoiceSession existing) implements VoiceSessionCreation {
    public AlreadyActive {
      Objects.requireNonNull(existing, "existing must not be null");
    }
  }
}
