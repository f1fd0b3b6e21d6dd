package dev.coachkit.ports.out.realtime;

import dev.coachkit.ports.model.realtime.EphemeralToken;
import dev.coachkit.ports.model.realtime.RealtimeSessionConfig;
import java.time.Duration;

/** Driven port: issues short-lived client secrets so a browser can call the realtime model directly. */
public interface RealtimeTokenIssuer {

  /**
   * Issues a token bound to this session configuration that expires after {@code ttl}.
   *
   * @throws dev.coachkit.ports.model.model.ModelFailure when the provider refuses or cannot be reached
   */
  EphemeralToken issue(RealtimeSessionConfig config, Duration ttl);
}
