package dev.coachkit.adapter.openai.realtime.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coachkit.adapter.openai.OpenAiConfig.RealtimeProtocol;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.json.JsonString;
import dev.coachkit.ports.model.json.JsonValue;
import dev.coachkit.ports.model.model.ToolSpec;
import dev.coachkit.ports.model.realtime.RealtimeSessionConfig;
import dev.coachkit.ports.model.realtime.TurnDetection;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the Realtime client events (JSON text frames) in the GA or beta shape. Each event carries a
 * client-generated {@code event_id} ({@code <prefix>_<n>}) that an {@code error} event names when it refers to it.
 */
public final class ClientEvents {

  static final ObjectMapper JSON = new ObjectMapper();

  private final RealtimeProtocol protocol;
  private final String idPrefix;
  private final AtomicLong sequence = new AtomicLong();

  public ClientEvents(RealtimeProtocol protocol, String idPrefix) {
    this.protocol = Objects.requireNonNull(protocol, "protocol must not be null");
    this.idPrefix = Objects.requireNonNull(idPrefix, "idPrefix must not be null");
  }

  public RealtimeProtocol protocol() {
    return protocol;
  }

  /** The next event id. */
  public String nextId() {
    return idPrefix + "_" + sequence.incrementAndGet();
  }

  /** {@code session.update} with the whole configuration, in this protocol's shape. */
  public String sessionUpdate(String eventId, RealtimeSessionConfig config) {
    ObjectNode e = event("session.update", eventId);
    e.set("session", protocol == RealtimeProtocol.GA ? gaSession(config, false) : betaSession(config));
    return write(e);
  }

  /** {@code input_audio_buffer.append} with PCM16 already in base64 (built as text: this is the hot path). */
  public String append(String b64) {
    return "{\"type\":\"input_audio_buffer.append\",\"event_id\":\"" + nextId() + "\",\"audio\":\"" + b64 + "\"}";
  }

  public String commit() {
    return write(event("input_audio_buffer.commit", nextId()));
  }

  public String clear() {
    return write(event("input_audio_buffer.clear", nextId()));
  }

  /** {@code response.create}, with per-response instructions when given. */
  public String responseCreate(String instructions) {
    ObjectNode e = event("response.create", nextId());
    if (instructions != null) {
      e.putObject("response").put("instructions", instructions);
    }
    return write(e);
  }

  public String responseCancel() {
    return write(event("response.cancel", nextId()));
  }

  public String truncate(String itemId, int contentIndex, long audioEndMs) {
    ObjectNode e = event("conversation.item.truncate", nextId());
    e.put("item_id", itemId).put("content_index", contentIndex).put("audio_end_ms", audioEndMs);
    return write(e);
  }

  /** {@code conversation.item.create} of a {@code function_call_output}; a JSON string output is sent as is. */
  public String functionCallOutput(String callId, JsonValue output) {
    ObjectNode e = event("conversation.item.create", nextId());
    String text = output instanceof JsonString ? ((JsonString) output).value() : Json.write(output);
    e.putObject("item").put("type", "function_call_output").put("call_id", callId).put("output", text);
    return write(e);
  }

  /** {@code conversation.item.create} of a user message with one {@code input_text}. */
  public String userText(String text) {
    ObjectNode e = event("conversation.item.create", nextId());
    ObjectNode item = e.putObject("item");
    item.put("type", "message").put("role", "user");
    item.putArray("content").addObject().put("type", "input_text").put("text", text);
    return write(e);
  }

  /**
   * The GA session object ({@code type: realtime}, nested {@code audio}); with {@code withModel} it names the
   * model (client secrets), a {@code session.update} does not (the model cannot change).
   */
  public static ObjectNode gaSession(RealtimeSessionConfig config, boolean withModel) {
    return gaSession(config, withModel ? config.model() : null);
  }

  /** The GA session object naming this model (null: none). */
  public static ObjectNode gaSession(RealtimeSessionConfig config, String model) {
    ObjectNode s = JSON.createObjectNode();
    s.put("type", "realtime");
    if (model != null) {
      s.put("model", model);
    }
    s.put("instructions", config.instructions());
    s.putArray("output_modalities").add("audio");
    ObjectNode audio = s.putObject("audio");
    ObjectNode input = audio.putObject("input");
    input.putObject("format").put("type", "audio/pcm").put("rate", 24_000);
    input.set("transcription", transcription(config));
    input.set("turn_detection", turnDetection(config.turnDetection()));
    ObjectNode output = audio.putObject("output");
    output.putObject("format").put("type", "audio/pcm").put("rate", 24_000);
    output.put("voice", config.voice());
    s.set("tools", tools(config));
    s.put("tool_choice", "auto");
    return s;
  }

  /** The flat beta session object. */
  static ObjectNode betaSession(RealtimeSessionConfig config) {
    ObjectNode s = JSON.createObjectNode();
    s.putArray("modalities").add("audio").add("text");
    s.put("instructions", config.instructions());
    s.put("voice", config.voice());
    s.put("input_audio_format", "pcm16");
    s.put("output_audio_format", "pcm16");
    s.set("input_audio_transcription", transcription(config));
    s.set("turn_detection", turnDetection(config.turnDetection()));
    s.set("tools", tools(config));
    s.put("tool_choice", "auto");
    return s;
  }

  private static JsonNode transcription(RealtimeSessionConfig config) {
    if (config.inputTranscriptionModel().isEmpty()) {
      return NullNode.instance;
    }
    ObjectNode t = JSON.createObjectNode();
    t.put("model", config.inputTranscriptionModel().get());
    String language = config.language().getLanguage();
    if (!language.isEmpty()) {
      t.put("language", language);
    }
    return t;
  }

  static JsonNode turnDetection(TurnDetection td) {
    if (td instanceof TurnDetection.ServerVad) {
      TurnDetection.ServerVad v = (TurnDetection.ServerVad) td;
      ObjectNode o = JSON.createObjectNode();
      o.put("type", "server_vad").put("threshold", v.threshold()).put("prefix_padding_ms", v.prefixPaddingMs())
          .put("silence_duration_ms", v.silenceDurationMs()).put("create_response", true)
          .put("interrupt_response", true);
      return o;
    }
    if (td instanceof TurnDetection.SemanticVad) {
      TurnDetection.SemanticVad v = (TurnDetection.SemanticVad) td;
      ObjectNode o = JSON.createObjectNode();
      o.put("type", "semantic_vad").put("eagerness", v.eagerness().name().toLowerCase(Locale.ROOT))
          .put("create_response", true).put("interrupt_response", true);
      return o;
    }
    return NullNode.instance; // Manual: the client commits and asks for responses itself
  }

  private static ArrayNode tools(RealtimeSessionConfig config) {
    ArrayNode tools = JSON.createArrayNode();
    for (ToolSpec t : config.tools()) {
      ObjectNode o = tools.addObject();
      o.put("type", "function").put("name", t.name()).put("description", t.description());
      o.set("parameters", toJackson(t.parametersSchema()));
    }
    return tools;
  }

  /** A ports JSON tree as a Jackson tree. */
  static JsonNode toJackson(JsonValue value) {
    try {
      return JSON.readTree(Json.write(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Json.write produced invalid JSON", e);
    }
  }

  private static ObjectNode event(String type, String eventId) {
    ObjectNode e = JSON.createObjectNode();
    e.put("type", type);
    e.put("event_id", eventId);
    return e;
  }

  static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
