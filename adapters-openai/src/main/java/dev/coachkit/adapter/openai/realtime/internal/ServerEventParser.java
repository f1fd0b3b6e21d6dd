package dev.coachkit.adapter.openai.realtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.json.JsonString;
import dev.coachkit.ports.model.json.JsonValue;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.realtime.Pcm16Audio;
import dev.coachkit.ports.model.realtime.RateLimit;
import dev.coachkit.ports.model.realtime.RealtimeEvent;
import dev.coachkit.ports.model.realtime.ResponseStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Maps Realtime server events of both protocols (GA {@code response.output_audio*}, beta {@code response.audio*})
 * to the port's {@link RealtimeEvent}s. Stateful per connection: remembers function-call items so a tool call is
 * reported once, whichever of {@code response.function_call_arguments.done}, {@code response.output_item.done} or
 * {@code response.done} carries it first. Unknown event types are ignored (logged at debug); a known event too
 * malformed to map is skipped, logged and counted ({@link #malformed()}), never fatal. Not thread-safe: one
 * connection feeds it in order.
 */
public final class ServerEventParser {

  private static final Logger LOG = Logger.getLogger(ServerEventParser.class);
  private static final int REMEMBERED_CALLS = 512;

  /** Known server events that carry nothing the port reports. */
  private static final Set<String> IGNORED = Set.of(
      "session.created", "session.updated", "transcription_session.created", "transcription_session.updated",
      "conversation.created", "conversation.item.created", "conversation.item.added", "conversation.item.done",
      "conversation.item.retrieved", "conversation.item.truncated", "conversation.item.deleted",
      "conversation.item.input_audio_transcription.segment", "input_audio_buffer.cleared",
      "input_audio_buffer.timeout_triggered", "input_audio_buffer.dtmf_event_received", "output_audio_buffer.started",
      "output_audio_buffer.stopped", "output_audio_buffer.cleared", "response.created", "response.output_item.added",
      "response.content_part.added", "response.content_part.done", "response.output_audio.done",
      "response.audio.done", "response.function_call_arguments.delta", "response.mcp_call_arguments.delta",
      "response.mcp_call_arguments.done", "response.mcp_call.in_progress", "response.mcp_call.completed",
      "response.mcp_call.failed", "mcp_list_tools.in_progress", "mcp_list_tools.completed", "mcp_list_tools.failed");

  private record PendingCall(String callId, String name) {
  }

  private final Clock clock;
  private final Map<String, PendingCall> callsByItem = new HashMap<>();
  private final Set<String> reportedCalls = new LinkedHashSet<>();
  private long malformed;
  private long unknown;

  public ServerEventParser(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  /** Known events that could not be mapped so far. */
  public long malformed() {
    return malformed;
  }

  /** Events of unknown type seen so far (ignored). */
  public long unknown() {
    return unknown;
  }

  /** Parses one text frame; the mapped events (zero or more) go to {@code out} in order. */
  public void parse(String frame, Consumer<RealtimeEvent> out) {
    JsonNode e = read(frame);
    if (e != null) {
      parse(e, out);
    }
  }

  /** The frame as JSON, or null (counted as malformed) when it is not JSON. */
  public JsonNode read(String frame) {
    try {
      return ClientEvents.JSON.readTree(frame);
    } catch (Exception ex) {
      malformed++;
      LOG.warnf("ignoring a realtime server frame that is not JSON (%d chars)", frame.length());
      return null;
    }
  }

  /** Maps one parsed server event; the mapped events (zero or more) go to {@code out} in order. */
  public void parse(JsonNode e, Consumer<RealtimeEvent> out) {
    String type = e.path("type").asText("");
    try {
      map(type, e, out);
    } catch (RuntimeException ex) {
      malformed++;
      LOG.warnf("ignoring a malformed realtime server event %s: %s", type, ex.getMessage());
    }
  }

  private void map(String type, JsonNode e, Consumer<RealtimeEvent> out) {
    Instant now = clock.instant();
    switch (type) {
      case "input_audio_buffer.speech_started" -> out.accept(new RealtimeEvent.SpeechStarted(text(e, "item_id"),
          Math.max(0, e.path("audio_start_ms").asLong()), now));
      case "input_audio_buffer.speech_stopped" -> out.accept(new RealtimeEvent.SpeechStopped(text(e, "item_id"),
          Math.max(0, e.path("audio_end_ms").asLong()), now));
      case "input_audio_buffer.committed" -> out.accept(new RealtimeEvent.InputAudioCommitted(text(e, "item_id"), now));
      case "conversation.item.input_audio_transcription.delta" -> out.accept(new RealtimeEvent.UserTranscriptDelta(
          text(e, "item_id"), e.path("delta").asText(""), now));
      case "conversation.item.input_audio_transcription.completed" -> out.accept(
          new RealtimeEvent.UserTranscriptFinal(text(e, "item_id"), e.path("transcript").asText(""), now));
      case "conversation.item.input_audio_transcription.failed" -> {
        JsonNode err = e.path("error");
        out.accept(new RealtimeEvent.RealtimeError(firstText(err, "code", "type", "transcription_failed"),
            "input transcription of item " + e.path("item_id").asText("?") + " failed: " + err.path("message")
                .asText(""), now));
      }
      case "response.output_audio_transcript.delta", "response.audio_transcript.delta",
          "response.output_text.delta", "response.text.delta" -> out.accept(new RealtimeEvent.AssistantTranscriptDelta(
          text(e, "response_id"), text(e, "item_id"), e.path("delta").asText(""), now));
      case "response.output_audio_transcript.done", "response.audio_transcript.done" -> out.accept(
          new RealtimeEvent.AssistantTranscriptFinal(text(e, "response_id"), text(e, "item_id"),
              e.path("transcript").asText(""), now));
      case "response.output_text.done", "response.text.done" -> out.accept(new RealtimeEvent.AssistantTranscriptFinal(
          text(e, "response_id"), text(e, "item_id"), e.path("text").asText(""), now));
      case "response.output_audio.delta", "response.audio.delta" -> out.accept(new RealtimeEvent.AudioChunk(
          text(e, "response_id"), text(e, "item_id"), Math.max(0, e.path("content_index").asInt()),
          Pcm16Audio.fromBase64(e.path("delta").asText("")), now));
      case "response.output_item.added" -> remember(e.path("item"));
      case "response.function_call_arguments.done" -> {
        String callId = text(e, "call_id");
        PendingCall pending = callsByItem.get(e.path("item_id").asText(""));
        String name = e.hasNonNull("name") ? e.get("name").asText()
            : pending != null ? pending.name() : null;
        if (name == null || name.isBlank()) {
          throw new IllegalArgumentException("function call " + callId + " has no name");
        }
        report(callId, name, e.path("arguments").asText(""), out, now);
      }
      case "response.output_item.done" -> functionCallItem(e.path("item"), out, now);
      case "response.done" -> responseDone(e.path("response"), out, now);
      case "rate_limits.updated" -> out.accept(new RealtimeEvent.RateLimitsUpdated(rateLimits(e), now));
      case "error" -> {
        JsonNode err = e.path("error");
        out.accept(new RealtimeEvent.RealtimeError(firstText(err, "code", "type", "unknown_error"),
            err.path("message").asText(""), now));
      }
      default -> {
        if (!IGNORED.contains(type)) {
          unknown++;
          LOG.debugf("ignoring unknown realtime server event type '%s'", type);
        }
      }
    }
  }

  private void remember(JsonNode item) {
    if ("function_call".equals(item.path("type").asText()) && item.hasNonNull("id")) {
      callsByItem.put(item.get("id").asText(), new PendingCall(item.path("call_id").asText(""),
          item.path("name").asText("")));
    }
  }

  private void functionCallItem(JsonNode item, Consumer<RealtimeEvent> out, Instant now) {
    if ("function_call".equals(item.path("type").asText()) && "completed".equals(item.path("status").asText())
        && item.hasNonNull("call_id") && item.hasNonNull("name")) {
      report(item.get("call_id").asText(), item.get("name").asText(), item.path("arguments").asText(""), out, now);
    }
  }

  private void report(String callId, String name, String arguments, Consumer<RealtimeEvent> out, Instant now) {
    if (!reportedCalls.add(callId)) {
      return;
    }
    if (reportedCalls.size() > REMEMBERED_CALLS) {
      reportedCalls.remove(reportedCalls.iterator().next());
    }
    callsByItem.values().removeIf(p -> p.callId().equals(callId));
    out.accept(new RealtimeEvent.ToolCallRequested(callId, name, arguments(arguments), now));
  }

  /** Arguments that are not JSON are kept as a JsonString of the raw text (as the chat adapter does). */
  static JsonValue arguments(String raw) {
    if (raw == null || raw.isBlank()) {
      return JsonObject.EMPTY;
    }
    try {
      return Json.parse(raw);
    } catch (IllegalArgumentException e) { // JsonParseException included
      return JsonString.of(raw);
    }
  }

  private void responseDone(JsonNode r, Consumer<RealtimeEvent> out, Instant now) {
    String status = r.path("status").asText("");
    if ("completed".equals(status)) {
      for (JsonNode item : r.path("output")) {
        functionCallItem(item, out, now);
      }
    }
    if ("failed".equals(status) && r.path("status_details").path("error").isObject()) {
      JsonNode err = r.path("status_details").path("error");
      out.accept(new RealtimeEvent.RealtimeError(firstText(err, "code", "type", "response_failed"),
          err.path("message").asText("the response failed"), now));
    }
    out.accept(new RealtimeEvent.ResponseDone(r.path("id").asText("unknown"), status(status), usage(r.path("usage")),
        now));
  }

  static ResponseStatus status(String status) {
    switch (status) {
      case "completed":
        return ResponseStatus.COMPLETED;
      case "cancelled":
        return ResponseStatus.CANCELLED;
      case "failed":
        return ResponseStatus.FAILED;
      default:
        return ResponseStatus.INCOMPLETE;
    }
  }

  /** OpenAI usage to the port's counts; missing or null usage is zero, inconsistent parts are capped. */
  static TokenUsage usage(JsonNode u) {
    if (!u.isObject()) {
      return TokenUsage.ZERO;
    }
    long input = Math.max(0, u.path("input_tokens").asLong());
    long output = Math.max(0, u.path("output_tokens").asLong());
    JsonNode in = u.path("input_token_details");
    long cached = clamp(in.path("cached_tokens").asLong(), input);
    long audioIn = clamp(in.path("audio_tokens").asLong(), input);
    long audioOut = clamp(u.path("output_token_details").path("audio_tokens").asLong(), output);
    return new TokenUsage(input, cached, output, audioIn, audioOut);
  }

  private static List<RateLimit> rateLimits(JsonNode e) {
    List<RateLimit> limits = new ArrayList<>();
    for (JsonNode l : e.path("rate_limits")) {
      String name = l.path("name").asText("");
      if (name.isBlank()) {
        continue;
      }
      long resetNanos = (long) Math.max(0, l.path("reset_seconds").asDouble() * 1_000_000_000d);
      limits.add(new RateLimit(name, Math.max(0, l.path("limit").asLong()), Math.max(0, l.path("remaining").asLong()),
          Duration.ofNanos(resetNanos)));
    }
    return limits;
  }

  private static long clamp(long value, long max) {
    return Math.max(0, Math.min(value, max));
  }

  private static String text(JsonNode e, String field) {
    JsonNode v = e.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return v.asText();
  }

  private static String firstText(JsonNode n, String first, String second, String fallback) {
    if (n.path(first).isTextual() && !n.path(first).asText().isBlank()) {
      return n.path(first).asText();
    }
    if (n.path(second).isTextual() && !n.path(second).asText().isBlank()) {
      return n.path(second).asText();
    }
    return fallback;
  }
}
