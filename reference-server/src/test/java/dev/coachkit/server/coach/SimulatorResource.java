package dev.coachkit.server.coach;

import dev.coachkit.adapter.openai.simulator.OpenAiSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the OpenAI simulator and points the server's chat adapter at it (primary provider, short retry waits so
 * a 429 retry test does not sleep for long). The init argument {@value #VALIDATING} = {@code false} starts it
 * for load: without contract validation and without keeping the requests it receives (the benchmark only, whose
 * tens of thousands of kept request bodies would otherwise grow the measured JVM's heap and GC work; every
 * functional test keeps validating and recording).
 */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {

  static final String VALIDATING = "validating";

  private OpenAiSimulator simulator;
  private boolean validating = true;

  @Override
  public void init(Map<String, String> initArgs) {
    validating = Boolean.parseBoolean(initArgs.getOrDefault(VALIDATING, "true"));
  }

  @Override
  public Map<String, String> start() {
    simulator = OpenAiSimulator.builder().validating(validating).recording(validating).start();
    return Map.of(
        "coach.openai.api-key", simulator.apiKey(),
        "coach.openai.base-url", simulator.baseUrl(),
        "coach.openai.retry.initial-backoff", "20ms",
        "coach.openai.retry.max-backoff", "200ms",
        "coach.openai.retry.max-retry-after", "5s");
  }

  @Override
  public void inject(TestInjector testInjector) {
    testInjector.injectIntoFields(simulator,
        new TestInjector.AnnotatedAndMatchesType(InjectSimulator.class, OpenAiSimulator.class));
  }

  @Override
  public void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }
}
