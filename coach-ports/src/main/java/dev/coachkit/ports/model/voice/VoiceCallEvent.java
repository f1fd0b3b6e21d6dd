package dev.coachkit.ports.model.voice;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.conversation.ToolResult;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.realtime.Pcm16Audio;
import java.time.Instant;

/**
 * What a live voice call tells its client (the relay forwards these as its server-to-client messages).
 *
 * <p>Use {@link #kind()} to handle them exhaustively on Java 17.
 */
public sealed interface VoiceCallEvent
    permits VoiceCallEvent.SessionReady,
        VoiceCallEvent.SpeechStarted,
        VoiceCallEvent.SpeechStopped,
        VoiceCallEvent.UserTranscript,
        VoiceCallEvent.AssistantTranscript,
        VoiceCallEvent.AssistantAudio,
        VoiceCallEvent.ToolCallStarted,
        VoiceCallEvent.ToolCallFinished,
        VoiceCallEvent.UsageUpdated,
        VoiceCallEvent.Reconnecting,
        VoiceCallEvent.Resumed,
        VoiceCallEvent.SessionEnding,
        VoiceCallEvent.SessionEnded,
        VoiceCallEvent.CallError {

  /** The kinds of voice call event. */
  enum Kind {
    SESSION_READY,
    SPEECH_STARTED,
    SPEECH_STOPPED,
    USER_TRANSCRIPT,
    ASSISTANT_TRANSCRIPT,
    ASSISTANT_AUDIO,
    TOOL_CALL_STARTED,
    TOOL_CALL_FINISHED,
    USAGE_UPDATED,
    RECONNECTING,
    RESUMED,
    SESSION_ENDING,
    SESSION_ENDED,
    ERROR
  }

  VoiceSessionId sessionId();

  Instant occurredAt();

  Kind kind();

  /** The upstream model is connected and configured; audio may flow. */
  record SessionReady(VoiceSessionId sessionId, Instant occurredAt) implements VoiceCallEvent {
    public SessionReady {
      Require.nonNull(sessionId, "sessionId");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.SESSION_READY;
    }
  }

  /** The user started speaking (the client should stop playing assistant audio). */
  record SpeechStarted(VoiceSessionId sessionId, Instant occurredAt) implements VoiceCallEvent {
    public SpeechStarted {
      Require.nonNull(sessionId, "sessionId");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.SPEECH_STARTED;
    }
  }

  /** The user stopped speaking. */
  record SpeechStopped(VoiceSessionId sessionId, Instant occurredAt) implements VoiceCallEvent {
    public SpeechStopped {
      Require.nonNull(sessionId, "sessionId");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.SPEECH_STOPPED;
    }
  }

  /** Transcript of the user's speech: a delta, or the final text when {@code complete}. */
  record UserTranscript(VoiceSessionId sessionId, String text, boolean complete, Instant occurredAt)
      implements VoiceCallEvent {
    public UserTranscript {
      Require.nonNull(sessionId, "sessionId");
      Require.nonNull(text, "text");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.USER_TRANSCRIPT;
    }
  }

  /** Transcript of the assistant's speech: a delta, or the final text when {@code complete}. */
  record AssistantTranscript(VoiceSessionId sessionId, String text, boolean complete, Instant occurredAt)
      implements VoiceCallEvent {
    public AssistantTranscript {
      Require.nonNull(sessionId, "sessionId");
      Require.nonNull(text, "text");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.ASSISTANT_TRANSCRIPT;
    }
  }

  /** A chunk of assistant audio, PCM16 24 kHz mono little-endian (an immutable value: relayed without copies). */
  record AssistantAudio(VoiceSessionId sessionId, Pcm16Audio audio, Instant occurredAt) implements VoiceCallEvent {
    public AssistantAudio {
      Require.nonNull(sessionId, "sessionId");
      Require.nonNull(audio, "audio");
      Require.nonNull(occurredAt, "occurredAt");
    }

    /** The same from a byte array, which is copied. */
    public AssistantAudio(VoiceSessionId sessionId, byte[] pcm16, Instant occurredAt) {
      this(sessionId, Pcm16Audio.copyOf(Require.nonNull(pcm16, "pcm16")), occurredAt);
    }

    /** A copy of the audio's bytes. */
    public byte[] pcm16() {
      return audio.toByteArray();
    }

    @Override
    public Kind kind() {
      return Kind.ASSISTANT_AUDIO;
    }
  }

  /** The model called a tool; the server is running it. */
  record ToolCallStarted(VoiceSessionId sessionId, ToolCall call, Instant occurredAt) implements VoiceCallEvent {
    public ToolCallStarted {
      Require.nonNull(sessionId, "sessionId");
      Require.nonNull(call, "call");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.TOOL_CALL_STARTED;
    }
  }

  /** A tool call finished with this result. */
  record ToolCallFinished(VoiceSessionId sessionId, ToolResult result, Instant occurredAt)
      implements VoiceCallEvent {
    public ToolCallFinished {
      Require.nonNull(sessionId, "sessionId");
      Require.nonNull(result, "result");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.TOOL_CALL_FINISHED;
    }
  }

  /** Running totals for the session after a model response. */
  record UsageUpdated(
      VoiceSessionId sessionId,
      TokenUsage tokens,
      double audioSecondsIn,
      double audioSecondsOut,
      long costMicros,
      Instant occurredAt)
      implements VoiceCallEvent {
    public UsageUpdated {
      Require.nonNull(sessionId, "sessionId");
      Require.nonNull(tokens, "tokens");
      Require.nonNegative(audioSecondsIn, "audioSecondsIn");
      Require.nonNegative(audioSecondsOut, "audioSecondsOut");
      Require.nonNegative(costMicros, "costMicros");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.USAGE_UPDATED;
    }
  }

  /**
   * The call is moving to a new upstream session, because the upstream connection dropped or because the call
   * continues before the upstream session's time limit ({@code cause}); audio may pause. {@code attempt} counts
   * from 1 and grows while opening the new session keeps failing.
   */
  record Reconnecting(VoiceSessionId sessionId, int attempt, ReconnectCause cause, Instant occurredAt)
      implements VoiceCallEvent {
    public Reconnecting {
      Require.nonNull(sessionId, "sessionId");
      Require.positive(attempt, "attempt");
      Require.nonNull(cause, "cause");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.RECONNECTING;
    }
  }

  /** The upstream connection is back with the context restored. */
  record Resumed(VoiceSessionId sessionId, Instant occurredAt) implements VoiceCallEvent {
    public Resumed {
      Require.nonNull(sessionId, "sessionId");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.RESUMED;
    }
  }

  /** The session will end soon for this reason. */
  record SessionEnding(VoiceSessionId sessionId, VoiceEndReason reason, long secondsLeft, Instant occurredAt)
      implements VoiceCallEvent {
    public SessionEnding {
      Require.nonNull(sessionId, "sessionId");
      Require.nonNull(reason, "reason");
      Require.nonNegative(secondsLeft, "secondsLeft");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.SESSION_ENDING;
    }
  }

  /** The session has ended; no further events follow. */
  record SessionEnded(VoiceSessionId sessionId, VoiceEndReason reason, Instant occurredAt)
      implements VoiceCallEvent {
    public SessionEnded {
      Require.nonNull(sessionId, "sessionId");
      Require.nonNull(reason, "reason");
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.SESSION_ENDED;
    }
  }

  /** Something went wrong that the client should know about; the call may continue. */
  record CallError(VoiceSessionId sessionId, String code, String message, Instant occurredAt)
      implements VoiceCallEvent {
    public CallError {
      Require.nonNull(sessionId, "sessionId");
      Require.text(code, "code", 64);
      Require.text(message, "message", 2_000);
      Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public Kind kind() {
      return Kind.ERROR;
    }
  }
}
