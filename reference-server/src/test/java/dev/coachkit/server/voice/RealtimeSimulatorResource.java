package dev.coachkit.server.voice;

import dev.coachkit.adapter.openai.simulator.realtime.RealtimeSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the OpenAI Realtime simulator (adapters-openai test-jar) and points the server's OpenAI key and URLs at
 * it. Short audio chunks streamed quickly keep the voice tests fast.
 */
public class RealtimeSimulatorResource implements QuarkusTestResourceLifecycleManager {

  private static volatile RealtimeSimulator simulator;

  /** The running simulator of the current test application. */
  static RealtimeSimulator simulator() {
    RealtimeSimulator s = simulator;
    if (s == null) {
      throw new IllegalStateException("the Realtime simulator is not running");
    }
    return s;
  }

  @Override
  public Map<String, String> start() {
    simulator = RealtimeSimulator.start(RealtimeSimulator.Options.defaults().withChunkMs(50).withChunkIntervalMs(2));
    return Map.of(
        "coach.openai.api-key", simulator.apiKey(),
        "coach.openai.base-url", simulator.httpBaseUrl() + "/v1",
        "coach.openai.realtime.ws-base-url", simulator.wsBaseUrl() + "/v1");
  }

  @Override
  public void stop() {
    RealtimeSimulator s = simulator;
    simulator = null;
    if (s != null) {
      s.close();
    }
  }
}
