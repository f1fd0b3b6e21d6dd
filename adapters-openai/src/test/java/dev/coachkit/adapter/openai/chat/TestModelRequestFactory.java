package dev.coachkit.adapter.openai.chat;

import dev.coachkit.adapter.openai.chat.internal.ChatSettings;
import dev.coachkit.adapter.openai.chat.internal.ProviderSettings;
import dev.coachkit.adapter.openai.chat.internal.RetryPolicy;
import dev.coachkit.adapter.openai.simulator.OpenAiSimulator;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.model.ModelMessage;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.coachkit.ports.model.model.ResponseSchema;
import dev.coachkit.ports.model.model.ToolSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Fixtures: model requests, tools, schemas, and adapter settings pointing at simulators. */
final class TestModelRequestFactory {

  static final Duration CONNECT = Duration.ofSeconds(2);
  static final Duration READ = Duration.ofSeconds(5);

  private TestModelRequestFactory() {
  }

  static ModelRequest userSays(String text) {
    return new ModelRequest("You are a friendly fitness coach.", List.of(new ModelMessage.UserText(text)), List.of(),
        Optional.empty(), 400);
  }

  static ModelRequest withTools(String text, ToolSpec... tools) {
    return new ModelRequest("You are a friendly fitness coach.", List.of(new ModelMessage.UserText(text)),
        List.of(tools), Optional.empty(), 400);
  }

  /** A strict-compatible tool (closed object, every property required). */
  static ToolSpec createWorkoutPlan() {
    return new ToolSpec("create_workout_plan", "Creates a workout plan for the user.", Json.parseObject("""
        {"type":"object","properties":{
          "days_per_week":{"type":"integer","minimum":1,"maximum":7,"description":"Training days"},
          "goal":{"type":"string","enum":["strength","hypertrophy","endurance"]}},
         "required":["days_per_week","goal"],"additionalProperties":false}"""));
  }

  /** A tool with an optional property, so not strict-compatible. */
  static ToolSpec logWorkout() {
    return new ToolSpec("log_workout", "Records a workout the user did.", Json.parseObject("""
        {"type":"object","properties":{
          "minutes":{"type":"integer"},
          "notes":{"type":"string"}},
         "required":["minutes"]}"""));
  }

  static ResponseSchema checkInSummarySchema() {
    return new ResponseSchema("check_in_summary", Json.parseObject("""
        {"type":"object","properties":{
          "adherence":{"type":"integer","minimum":0,"maximum":100},
          "wins":{"type":"array","items":{"type":"string"}},
          "mood":{"type":["string","null"]}},
         "required":["adherence","wins","mood"],"additionalProperties":false}"""));
  }

  static ProviderSettings openAi(String name, OpenAiSimulator simulator) {
    return ProviderSettings.openAi(name, simulator.baseUrl(), simulator.apiKey(), "gpt-4o-mini", CONNECT, READ);
  }

  static ProviderSettings openAi(String name, OpenAiSimulator simulator, Duration read) {
    return ProviderSettings.openAi(name, simulator.baseUrl(), simulator.apiKey(), "gpt-4o-mini", CONNECT, read);
  }

  /** Settings with a fast retry policy, the given sleeper, and no jitter randomness (random = 0). */
  static ChatSettings settings(RecordingSleeper sleeper, ProviderSettings... providers) {
    return new ChatSettings(List.of(providers), RetryPolicy.DEFAULT, true, sleeper, () -> 0.0, Clock.systemUTC(),
        List.of());
  }
}
