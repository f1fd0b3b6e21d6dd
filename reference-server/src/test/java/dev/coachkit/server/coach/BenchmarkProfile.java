package dev.coachkit.server.coach;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/**
 * Limits out of the way for the chat-turn benchmark (its users send hundreds of turns a minute), and the model
 * wrapped in {@link ModelTimeProbe} so that each turn's model time can be subtracted from its latency; the floor-turn
 * endpoint ({@link FloorTurnResource}) present.
 */
public class BenchmarkProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "coach.usage.responses-per-minute", "1000000",
        "coach.usage.daily-budget-usd", "1000000",
        "quarkus.log.category.\"dev.coachkit\".level", "WARN",
        FloorTurnResource.ENABLED, "true");
  }

  @Override
  public Set<Class<?>> getEnabledAlternatives() {
    return Set.of(ModelTimeProbe.class);
  }
}
