package dev.coachkit.ports.model.realtime;

import dev.coachkit.ports.model.common.Require;
import java.net.URI;
import java.time.Instant;

/** A short-lived client secret a browser uses to call the realtime model directly; never the server's key. */
public record EphemeralToken(String value, Instant expiresAt, URI callUrl) {
  public EphemeralToken {
    Require.text(value, "value", 4_096);
    Require.nonNull(expiresAt, "expiresAt");
    Require.nonNull(callUrl, "callUrl");
  }

  /** Keeps the secret out of logs. */
  @Override
  public String toString() {
    return "EphemeralToken[value=***, expiresAt=" + expiresAt + ", callUrl=" + callUrl + "]";
  }
}
