package dev.coachkit.server.coach;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The server with no model provider configured (no coach.openai.api-key). */
public class NoModelProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("coach.openai.provider", "openai");
  }
}
