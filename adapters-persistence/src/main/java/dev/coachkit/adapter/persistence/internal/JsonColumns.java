package dev.coachkit.adapter.persistence.internal;

import dev.coachkit.ports.model.coaching.LoggedExercise;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.conversation.ToolResult;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.json.JsonArray;
import dev.coachkit.ports.model.json.JsonBoolean;
import dev.coachkit.ports.model.json.JsonNumber;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON text of the jsonb columns that hold port-model values, written and read with the ports' own
 * {@link Json} (tool arguments and results are already {@link JsonValue} trees, so they are stored verbatim).
 *
 * <p>jsonb does not keep member order or number spelling; both are irrelevant to {@link JsonValue} equality.
 */
public final class JsonColumns {
  private JsonColumns() {}

  public static String toolCalls(List<ToolCall> calls) {
    List<JsonValue> items = new ArrayList<>(calls.size());
    for (ToolCall call : calls) {
      items.add(JsonObject.builder()
          .put("callId", call.callId())
          .put("name", call.name())
          .put("arguments", call.arguments())
          .build());
    }
    return Json.write(new JsonArray(items));
  }

  public static List<ToolCall> toolCalls(String json) {
    if (json == null) {
      return List.of();
    }
    List<ToolCall> calls = new ArrayList<>();
    for (JsonValue item : array(json).elements()) {
      JsonObject call = (JsonObject) item;
      calls.add(new ToolCall(text(call, "callId"), text(call, "name"), member(call, "arguments")));
    }
    return List.copyOf(calls);
  }

  public static String toolResult(Optional<ToolResult> result) {
    return result
        .map(r -> Json.write(JsonObject.builder()
            .put("callId", r.callId())
            .put("name", r.name())
            .put("result", r.result())
            .put("error", r.error())
            .build()))
        .orElse(null);
  }

  public static Optional<ToolResult> toolResult(String json) {
    if (json == null) {
      return Optional.empty();
    }
    JsonObject r = Json.parseObject(json);
    return Optional.of(new ToolResult(text(r, "callId"), text(r, "name"), member(r, "result"),
        member(r, "error") == JsonBoolean.TRUE));
  }

  public static String exercises(List<LoggedExercise> exercises) {
    List<JsonValue> items = new ArrayList<>(exercises.size());
    for (LoggedExercise e : exercises) {
      JsonObject.Builder b = JsonObject.builder().put("name", e.name()).put("sets", e.sets()).put("reps", e.reps());
      e.weightKg().ifPresent(w -> b.put("weightKg", JsonNumber.of(w)));
      items.add(b.build());
    }
    return Json.write(new JsonArray(items));
  }

  public static List<LoggedExercise> exercises(String json) {
    List<LoggedExercise> exercises = new ArrayList<>();
    for (JsonValue item : array(json).elements()) {
      JsonObject e = (JsonObject) item;
      exercises.add(new LoggedExercise(text(e, "name"), e.findNumber("sets").orElseThrow().intValueExact(),
          e.findNumber("reps").orElseThrow().intValueExact(), e.findNumber("weightKg").map(JsonNumber::doubleValue)));
    }
    return List.copyOf(exercises);
  }

  private static JsonArray array(String json) {
    JsonValue value = Json.parse(json);
    if (value instanceof JsonArray array) {
      return array;
    }
    throw new IllegalStateException("Expected a JSON array in the column, found " + value.kind());
  }

  private static String text(JsonObject object, String name) {
    return object.findString(name)
        .orElseThrow(() -> new IllegalStateException("Stored JSON lacks the string member " + name));
  }

  private static JsonValue member(JsonObject object, String name) {
    return object.find(name).orElseThrow(() -> new IllegalStateException("Stored JSON lacks the member " + name));
  }
}
