package dev.coachkit.ports.in.voice;

import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.realtime.EphemeralToken;

/** The outcome of issuing an ephemeral realtime token for a session. */
public sealed interface IssueRealtimeTokenResult permits IssueRealtimeTokenResult.Issued, IssueRealtimeTokenResult.Refused {

  /** A token for the browser; it never contains the server's API key. */
  record Issued(EphemeralToken token) implements IssueRealtimeTokenResult {
    public Issued {
      Require.nonNull(token, "token");
    }
  }

  /** The request was refused; nothing changed. */
  record Refused(Refusal refusal) implements IssueRealtimeTokenResult {
    public Refused {
      Require.nonNull(refusal, "refusal");
    }
  }
}
