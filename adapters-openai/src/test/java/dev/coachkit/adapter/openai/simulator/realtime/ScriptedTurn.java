package dev.coachkit.adapter.openai.simulator.realtime;

import java.util.Objects;
import java.util.Optional;

/**
 * One scripted exchange for the Realtime simulator: what the user is "heard" saying (the input transcription of
 * the next committed audio) and what the assistant answers (transcript, and audio of {@code audioMs}), optionally
 * ending in a function call. After a function call the client sends {@code function_call_output} and
 * {@code response.create}; that follow-up response is the next scripted turn.
 */
public record ScriptedTurn(String userTranscript, String assistantText, int audioMs, Optional<FunctionCall> functionCall) {

  /** A function call the assistant makes: the tool name and its JSON arguments text. */
  public record FunctionCall(String name, String arguments) {
    public FunctionCall {
      Objects.requireNonNull(name, "name must not be null");
      Objects.requireNonNull(arguments, "arguments must not be null");
    }
  }

  public ScriptedTurn {
    Objects.requireNonNull(userTranscript, "userTranscript must not be null");
    Objects.requireNonNull(assistantText, "assistantText must not be null");
    Objects.requireNonNull(functionCall, "functionCall must not be null");
    if (audioMs < 0) {
      throw new IllegalArgumentException("audioMs must not be negative");
    }
    if (assistantText.isEmpty() && functionCall.isEmpty()) {
      throw new IllegalArgumentException("assistantText must not be empty without a function call");
    }
  }

  /** User says {@code userTranscript}; the assistant answers {@code assistantText} with {@code audioMs} of audio. */
  public static ScriptedTurn reply(String userTranscript, String assistantText, int audioMs) {
    return new ScriptedTurn(userTranscript, assistantText, audioMs, Optional.empty());
  }

  /** User says {@code userTranscript}; the assistant only calls a function. */
  public static ScriptedTurn functionCall(String userTranscript, String name, String argumentsJson) {
    return new ScriptedTurn(userTranscript, "", 0, Optional.of(new FunctionCall(name, argumentsJson)));
  }

  /** This turn with a function call after the spoken reply (output_index 1, as in the real recordings). */
  public ScriptedTurn thenCall(String name, String argumentsJson) {
    return new ScriptedTurn(userTranscript, assistantText, audioMs, Optional.of(new FunctionCall(name, argumentsJson)));
  }
}
