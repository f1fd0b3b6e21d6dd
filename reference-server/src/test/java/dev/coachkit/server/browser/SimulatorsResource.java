package dev.coachkit.server.browser;

import dev.coachkit.adapter.openai.simulator.OpenAiSimulator;
import dev.coachkit.adapter.openai.simulator.realtime.RealtimeSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the OpenAI chat simulator and the Realtime simulator (one API key for both, as one OpenAI account would
 * have) and points the server's primary provider and realtime WebSocket base at them.
 */
public class SimulatorsResource implements QuarkusTestResourceLifecycleManager {
  private OpenAiSimulator chat;
  private RealtimeSimulator realtime;

  @Override
  public Map<String, String> start() {
    chat = OpenAiSimulator.start();
    realtime = RealtimeSimulator.start(RealtimeSimulator.Options.defaults()
        .withApiKey(chat.apiKey())
        // Stream assistant audio at about real time (100 ms chunks every 80 ms), as the live service does.
        .withChunkIntervalMs(80));
    return Map.of(
        "coach.openai.provider", "openai",
        "coach.openai.api-key", chat.apiKey(),
        "coach.openai.base-url", chat.baseUrl(),
        "coach.openai.retry.max-attempts", "1",
        "coach.openai.realtime.ws-base-url", realtime.wsBaseUrl() + "/v1");
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(chat, new TestInjector.AnnotatedAndMatchesType(InjectSimulator.class,
        OpenAiSimulator.class));
    injector.injectIntoFields(realtime, new TestInjector.AnnotatedAndMatchesType(InjectSimulator.class,
        RealtimeSimulator.class));
  }

  @Override
  public void stop() {
    if (realtime != null) {
      realtime.close();
    }
    if (chat != null) {
      chat.close();
    }
  }
}
