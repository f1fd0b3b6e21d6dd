package dev.coachkit.ports.out.realtime;

import dev.coachkit.ports.model.realtime.RealtimeSessionConfig;
import java.util.concurrent.CompletionStage;

/**
 * Driven port: opens connections to a realtime speech-to-speech model.
 *
 * <p>Both methods complete once the upstream session is established and configured, or complete exceptionally
 * with a {@link dev.coachkit.ports.model.model.ModelFailure}; they never block the caller.
 */
public interface RealtimeModel {

  /** Opens a new upstream session with this configuration; its events go to the listener. */
  CompletionStage<RealtimeConnection> open(RealtimeSessionConfig config, RealtimeEventListener listener);

  /** Attaches to an existing call (a browser's WebRTC call) for sideband control, and applies the configuration. */
  CompletionStage<RealtimeConnection> attach(
      String callId, RealtimeSessionConfig config, RealtimeEventListener listener);
}
