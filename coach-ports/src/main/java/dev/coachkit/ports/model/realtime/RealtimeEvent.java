package dev.coachkit.ports.model.realtime;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.json.JsonValue;
import dev.coachkit.ports.model.model.TokenUsage;
import java.time.Instant;
import java.util.List;

/**
 * What a realtime model connection reports, normalised across provider protocol versions.
 *
 * <p>Use {@link #kind()} to handle them exhaustively on Java 17.
 */
public sealed interface RealtimeEvent
    permits RealtimeEvent.SpeechStarted,
        RealtimeEvent.SpeechStopped,
        RealtimeEvent.InputAudioCommitted,
        RealtimeEvent.UserTranscriptDelta,
        RealtimeEvent.UserTranscriptFinal,
        RealtimeEvent.AssistantTranscriptDelta,
        RealtimeEvent.AssistantTranscriptFinal,
        RealtimeEvent.AudioChunk,
        RealtimeEvent.ToolCallRequested,
        RealtimeEvent.ResponseDone,
        RealtimeEvent.RateLimitsUpdated,
        RealtimeEvent.RealtimeError,
        RealtimeEvent.Closed {

  /** The kinds of realtime event. */
  enum Kind {
    SPEECH_STARTED,
    SPEECH_STOPPED,
    INPUT_AUDIO_COMMITTED,
    USER_TRANSCRIPT_DELTA,
    USER_TRANSCRIPT_FINAL,
    ASSISTANT_TRANSCRIPT_DELTA,
    ASSISTANT_TRANSCRIPT_FINAL,
    AUDIO_CHUNK,
    TOOL_CALL_REQUESTED,
    RESPONSE_DONE,
    RATE_LIMITS_UPDATED,
    ERROR,
    CLOSED
  }

  /** When the adapter received the event. */
  Instant occurredAt();

  Kind kind();

  /** The user started speaking (server VAD); assistant playback should stop. */
  record SpeechStarted(String itemId, long audioStartMs, Instant occurredAt) implements RealtimeEvent {
    public SpeechStarted {
      Require.text(itemId, "itemId", 256);
      Require.nonNegative(audioStartMs, "audioStartMs");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.SPEECH_STARTED;
    }
  }

  /** The user stopped speaking. */
  record SpeechStopped(String itemId, long audioEndMs, Instant occurredAt) implements RealtimeEvent {
    public SpeechStopped {
      Require.text(itemId, "itemId", 256);
      Require.nonNegative(audioEndMs, "audioEndMs");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.SPEECH_STOPPED;
    }
  }

  /** The input audio buffer became a user item. */
  record InputAudioCommitted(String itemId, Instant occurredAt) implements RealtimeEvent {
    public InputAudioCommitted {
      Require.text(itemId, "itemId", 256);
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.INPUT_AUDIO_COMMITTED;
    }
  }

  /** A fragment of the transcript of the user's speech. */
  record UserTranscriptDelta(String itemId, String delta, Instant occurredAt) implements RealtimeEvent {
    public UserTranscriptDelta {
      Require.text(itemId, "itemId", 256);
      Require.nonNull(delta, "delta");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.USER_TRANSCRIPT_DELTA;
    }
  }

  /** The complete transcript of one user turn. */
  record UserTranscriptFinal(String itemId, String transcript, Instant occurredAt) implements RealtimeEvent {
    public UserTranscriptFinal {
      Require.text(itemId, "itemId", 256);
      Require.nonNull(transcript, "transcript");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.USER_TRANSCRIPT_FINAL;
    }
  }

  /** A fragment of the transcript of the assistant's speech. */
  record AssistantTranscriptDelta(String responseId, String itemId, String delta, Instant occurredAt) implements RealtimeEvent {
    public AssistantTranscriptDelta {
      Require.text(responseId, "responseId", 256);
      Require.text(itemId, "itemId", 256);
      Require.nonNull(delta, "delta");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.ASSISTANT_TRANSCRIPT_DELTA;
    }
  }

  /** The complete transcript of one assistant item. */
  record AssistantTranscriptFinal(String responseId, String itemId, String transcript, Instant occurredAt) implements RealtimeEvent {
    public AssistantTranscriptFinal {
      Require.text(responseId, "responseId", 256);
      Require.text(itemId, "itemId", 256);
      Require.nonNull(transcript, "transcript");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.ASSISTANT_TRANSCRIPT_FINAL;
    }
  }

  /** A chunk of assistant audio, PCM16 24 kHz mono little-endian (an immutable value: relayed without copies). */
  record AudioChunk(String responseId, String itemId, int contentIndex, Pcm16Audio audio, Instant occurredAt)
      implements RealtimeEvent {
    public AudioChunk {
      Require.text(responseId, "responseId", 256);
      Require.text(itemId, "itemId", 256);
      Require.nonNegative(contentIndex, "contentIndex");
      Require.nonNull(audio, "audio");
      Require.nonNull(occurredAt, "occurredAt");
    }

    /** The same from a byte array, which is copied. */
    public AudioChunk(String responseId, String itemId, int contentIndex, byte[] pcm16, Instant occurredAt) {
      this(responseId, itemId, contentIndex, Pcm16Audio.copyOf(Require.nonNull(pcm16, "pcm16")), occurredAt);
    }

    @Override
    public Kind kind() {
      return Kind.AUDIO_CHUNK;
    }

    /** A copy of the audio's bytes. */
    public byte[] pcm16() {
      return audio.toByteArray();
    }
  }

  /** The model wants a tool run; answer with sendToolOutput then createResponse. */
  record ToolCallRequested(String callId, String name, JsonValue arguments, Instant occurredAt) implements RealtimeEvent {
    public ToolCallRequested {
      Require.text(callId, "callId", 256);
      Require.text(name, "name", 256);
      Require.nonNull(arguments, "arguments");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.TOOL_CALL_REQUESTED;
    }
  }

  /** A model response finished, with its status and the tokens it used. */
  record ResponseDone(String responseId, ResponseStatus status, TokenUsage usage, Instant occurredAt) implements RealtimeEvent {
    public ResponseDone {
      Require.text(responseId, "responseId", 256);
      Require.nonNull(status, "status");
      Require.nonNull(usage, "usage");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.RESPONSE_DONE;
    }
  }

  /** The provider's current rate limits. */
  record RateLimitsUpdated(List<RateLimit> rateLimits, Instant occurredAt) implements RealtimeEvent {
    public RateLimitsUpdated {
      rateLimits = Require.list(rateLimits, "rateLimits");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.RATE_LIMITS_UPDATED;
    }
  }

  /** The provider reported an error; the connection may still be usable. */
  record RealtimeError(String code, String message, Instant occurredAt) implements RealtimeEvent {
    public RealtimeError {
      Require.text(code, "code", 256);
      Require.nonNull(message, "message");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.ERROR;
    }
  }

  /** The connection closed; {@code abnormal} when it was not closed by us. */
  record Closed(String reason, boolean abnormal, Instant occurredAt) implements RealtimeEvent {
    public Closed {
      Require.nonNull(reason, "reason");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.CLOSED;
    }
  }
}
