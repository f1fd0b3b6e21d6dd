package dev.coachkit.adapter.openai.realtime;

import dev.coachkit.adapter.openai.OpenAiConfig.RealtimeProtocol;
import dev.coachkit.adapter.openai.realtime.internal.RealtimeEndpoints;
import dev.coachkit.adapter.openai.realtime.internal.RealtimeSettings;
import dev.coachkit.adapter.openai.simulator.realtime.RealtimeSimulator;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.model.ToolSpec;
import dev.coachkit.ports.model.realtime.RealtimeSessionConfig;
import dev.coachkit.ports.model.realtime.TurnDetection;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Fixtures for the realtime adapter tests. */
final class TestRealtimeFactory {

  static final ToolSpec LOG_WORKOUT = new ToolSpec("log_workout", "Logs a workout the user did.",
      Json.parseObject("{\"type\":\"object\",\"properties\":{\"km\":{\"type\":\"number\"},"
          + "\"minutes\":{\"type\":\"integer\"}},\"required\":[\"km\"],\"additionalProperties\":false}"));

  private TestRealtimeFactory() {
  }

  /** OpenAI endpoints at the simulator with its key. */
  static RealtimeSettings settings(RealtimeSimulator sim, RealtimeProtocol protocol) {
    return RealtimeSettings.of(RealtimeEndpoints.openAi(sim.httpBaseUrl() + "/v1", Optional.empty(), sim.apiKey()),
        protocol).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1));
  }

  static RealtimeSessionConfig gaConfig(TurnDetection turnDetection) {
    return new RealtimeSessionConfig("gpt-realtime", "You are Coach Kit. Greet Ana by name.", "marin", turnDetection,
        Optional.of("whisper-1"), List.of(LOG_WORKOUT), Locale.ENGLISH);
  }

  static RealtimeSessionConfig gaConfig() {
    return gaConfig(serverVad());
  }

  static RealtimeSessionConfig betaConfig(TurnDetection turnDetection) {
    return new RealtimeSessionConfig("gpt-4o-realtime-preview", "Du bist Coach Kit.", "alloy", turnDetection,
        Optional.of("whisper-1"), List.of(LOG_WORKOUT), Locale.GERMAN);
  }

  static TurnDetection.ServerVad serverVad() {
    return new TurnDetection.ServerVad(0.5, 300, 500);
  }
}
