package dev.coachkit.adapter.web.voice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.json.JsonValue;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.voice.VoiceCallEvent;
import dev.coachkit.ports.model.voice.VoiceSession;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON of the voice relay protocol (docs/reference/voice-protocol.md): server messages from call events, and
 * parsing of client control messages.
 */
final class VoiceWireFormat {
  static final int MAX_TEXT_MESSAGE_CHARS = 16 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private VoiceWireFormat() {
  }

  /** A parsed client control message, or why it could not be parsed. */
  record ClientMessage(String type, JsonNode body) {
  }

  /** The client message kinds. */
  enum ClientType {
    PING, START_RECORDING, STOP_RECORDING, CANCEL, TEXT, PLAYBACK_POSITION, END;

    static Optional<ClientType> of(String wire) {
      for (ClientType t : values()) {
        if (t.name().toLowerCase(Locale.ROOT).equals(wire)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }

  /** Thrown for a client message that is not a JSON object with a string {@code type}. */
  static final class MalformedMessage extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedMessage(String message) {
      super(message, null, false, false);
    }
  }

  static ClientMessage parse(String text) throws MalformedMessage {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new MalformedMessage("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new MalformedMessage("a message must be a JSON object");
    }
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      throw new MalformedMessage("a message needs a string \"type\"");
    }
    return new ClientMessage(type.asText(), node);
  }

  static ObjectNode message(String type) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", type);
    return node;
  }

  static String error(String code, String message) {
    return message("error").put("code", code).put("message", message).toString();
  }

  static String pong(JsonNode id) {
    ObjectNode pong = message("pong");
    if (id != null && (id.isTextual() || id.isNumber())) {
      pong.set("id", id);
    }
    return pong.toString();
  }

  static String sessionCreated(VoiceSession session, boolean created) {
    ObjectNode node = message("session_created")
        .put("sessionId", session.id().toString())
        .put("created", created)
        .put("conversationId", session.conversationId().toString())
        .put("voice", session.voice())
        .put("language", session.language().toLanguageTag())
        .put("expiresAt", session.expiresAt().toString());
    return node.toString();
  }

  /** The JSON of a call event; not for {@link VoiceCallEvent.AssistantAudio}, which goes out as a binary frame. */
  static String event(VoiceCallEvent event) {
    switch (event.kind()) {
      case SESSION_READY:
        return message("session_ready").toString();
      case SPEECH_STARTED:
        return message("speech_started").toString();
      case SPEECH_STOPPED:
        return message("speech_stopped").toString();
      case USER_TRANSCRIPT: {
        VoiceCallEvent.UserTranscript t = (VoiceCallEvent.UserTranscript) event;
        return message("transcript").put("role", "user").put("text", t.text()).put("final", t.complete()).toString();
      }
      case ASSISTANT_TRANSCRIPT: {
        VoiceCallEvent.AssistantTranscript t = (VoiceCallEvent.AssistantTranscript) event;
        return message("assistant_transcript").put("text", t.text()).put("final", t.complete()).toString();
      }
      case TOOL_CALL_STARTED: {
        VoiceCallEvent.ToolCallStarted t = (VoiceCallEvent.ToolCallStarted) event;
        ObjectNode node = message("tool_call").put("callId", t.call().callId()).put("name", t.call().name());
        node.set("arguments", tree(t.call().arguments()));
        return node.toString();
      }
      case TOOL_CALL_FINISHED: {
        VoiceCallEvent.ToolCallFinished t = (VoiceCallEvent.ToolCallFinished) event;
        ObjectNode node = message("tool_result").put("callId", t.result().callId()).put("name", t.result().name())
            .put("error", t.result().error());
        node.set("result", tree(t.result().result()));
        return node.toString();
      }
      case USAGE_UPDATED: {
        VoiceCallEvent.UsageUpdated u = (VoiceCallEvent.UsageUpdated) event;
        TokenUsage tokens = u.tokens();
        return message("usage")
            .put("inputTokens", tokens.inputTokens())
            .put("cachedInputTokens", tokens.cachedInputTokens())
            .put("outputTokens", tokens.outputTokens())
            .put("audioInputTokens", tokens.audioInputTokens())
            .put("audioOutputTokens", tokens.audioOutputTokens())
            .put("audioSecondsIn", u.audioSecondsIn())
            .put("audioSecondsOut", u.audioSecondsOut())
            .put("costMicros", u.costMicros())
            .toString();
      }
      case RECONNECTING: {
        VoiceCallEvent.Reconnecting r = (VoiceCallEvent.Reconnecting) event;
        return message("reconnecting").put("attempt", r.attempt()).put("cause", wire(r.cause())).toString();
      }
      case RESUMED:
        return message("resumed").toString();
      case SESSION_ENDING: {
        VoiceCallEvent.SessionEnding e = (VoiceCallEvent.SessionEnding) event;
        return message("session_ending").put("reason", wire(e.reason())).put("secondsLeft", e.secondsLeft())
            .toString();
      }
      case SESSION_ENDED:
        return message("session_ended").put("reason", wire(((VoiceCallEvent.SessionEnded) event).reason()))
            .toString();
      case ERROR: {
        VoiceCallEvent.CallError e = (VoiceCallEvent.CallError) event;
        return error(e.code(), e.message());
      }
      case ASSISTANT_AUDIO:
      default:
        throw new IllegalArgumentException("no JSON message for " + event.kind());
    }
  }

  static String wire(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static JsonNode tree(JsonValue value) {
    try {
      return JSON.readTree(Json.write(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Json.write produced invalid JSON", e);
    }
  }
}
