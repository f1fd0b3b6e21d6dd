package dev.coachkit.server.coach;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Limits out of the way for the chat-turn benchmark: its users send hundreds of turns a minute. */
public class BenchmarkProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "coach.usage.responses-per-minute", "1000000",
        "coach.usage.daily-budget-usd", "1000000",
        "quarkus.log.category.\"dev.coachkit\".level", "WARN");
  }
}
