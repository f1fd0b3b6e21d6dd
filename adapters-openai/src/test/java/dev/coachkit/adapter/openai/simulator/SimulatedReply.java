package dev.coachkit.adapter.openai.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One scripted answer of the simulated model (immutable; every {@code with…} returns a copy): assistant text, one
 * or several (parallel) tool calls, or a JSON object for {@code response_format}, plus how it is delivered
 * (usage numbers, finish reason, streaming chunk sizes, delays, and the stream faults: dropped connection, malformed
 * chunk).
 */
public final class SimulatedReply {

  /** The kind of content the model produces. */
  public enum Kind { TEXT, TOOL_CALLS, JSON }

  private final Kind kind;
  private final String content;
  private final List<SimulatedToolCall> toolCalls;
  private final SimulatedUsage usage;
  private final String finishReason;
  private final int textChunkSize;
  private final int argumentChunkSize;
  private final Duration firstTokenDelay;
  private final Duration chunkDelay;
  private final int dropAfterChunks;
  private final int malformedChunkAfter;

  private SimulatedReply(Kind kind, String content, List<SimulatedToolCall> toolCalls, SimulatedUsage usage,
      String finishReason, int textChunkSize, int argumentChunkSize, Duration firstTokenDelay, Duration chunkDelay,
      int dropAfterChunks, int malformedChunkAfter) {
    this.kind = kind;
    this.content = content;
    this.toolCalls = List.copyOf(toolCalls);
    this.usage = usage;
    this.finishReason = finishReason;
    this.textChunkSize = textChunkSize;
    this.argumentChunkSize = argumentChunkSize;
    this.firstTokenDelay = firstTokenDelay;
    this.chunkDelay = chunkDelay;
    this.dropAfterChunks = dropAfterChunks;
    this.malformedChunkAfter = malformedChunkAfter;
  }

  private static SimulatedReply of(Kind kind, String content, List<SimulatedToolCall> toolCalls) {
    return new SimulatedReply(kind, content, toolCalls, null, null, 4, 7, Duration.ZERO, Duration.ZERO, -1, -1);
  }

  /** The assistant answers with text ({@code finish_reason: stop}). */
  public static SimulatedReply text(String content) {
    Objects.requireNonNull(content, "content must not be null");
    return of(Kind.TEXT, content, List.of());
  }

  /** The assistant calls one function ({@code finish_reason: tool_calls}); the id is generated. */
  public static SimulatedReply toolCall(String name, String argumentsJson) {
    return toolCalls(SimulatedToolCall.of(name, argumentsJson));
  }

  /** The assistant calls several functions at once (parallel tool calls), in this order. */
  public static SimulatedReply toolCalls(SimulatedToolCall... calls) {
    if (calls.length == 0) {
      throw new IllegalArgumentException("calls must not be empty");
    }
    return of(Kind.TOOL_CALLS, null, List.of(calls));
  }

  /**
   * The assistant answers with this JSON object as its content, as it does for {@code response_format}
   * {@code json_schema} or {@code json_object}. The simulator checks that the request asked for JSON and, for
   * {@code json_schema}, that this object matches the request's schema (a strict-mode model cannot answer otherwise).
   */
  public static SimulatedReply json(String jsonObject) {
    Objects.requireNonNull(jsonObject, "jsonObject must not be null");
    return of(Kind.JSON, jsonObject, List.of());
  }

  /** Reported usage; without it the simulator estimates tokens from the request and reply lengths. */
  public SimulatedReply withUsage(int promptTokens, int completionTokens) {
    return withUsage(new SimulatedUsage(promptTokens, completionTokens, 0));
  }

  /** Reported usage including cached prompt tokens. */
  public SimulatedReply withUsage(int promptTokens, int completionTokens, int cachedTokens) {
    return withUsage(new SimulatedUsage(promptTokens, completionTokens, cachedTokens));
  }

  public SimulatedReply withUsage(SimulatedUsage newUsage) {
    Objects.requireNonNull(newUsage, "usage must not be null");
    return new SimulatedReply(kind, content, toolCalls, newUsage, finishReason, textChunkSize, argumentChunkSize,
        firstTokenDelay, chunkDelay, dropAfterChunks, malformedChunkAfter);
  }

  /** Overrides the finish reason ({@code stop}, {@code length}, {@code tool_calls}, {@code content_filter}). */
  public SimulatedReply withFinishReason(String newFinishReason) {
    Objects.requireNonNull(newFinishReason, "finishReason must not be null");
    return new SimulatedReply(kind, content, toolCalls, usage, newFinishReason, textChunkSize, argumentChunkSize,
        firstTokenDelay, chunkDelay, dropAfterChunks, malformedChunkAfter);
  }

  /** Streaming: characters of content per chunk (default 4). */
  public SimulatedReply withTextChunkSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be >= 1 but was " + size);
    }
    return new SimulatedReply(kind, content, toolCalls, usage, finishReason, size, argumentChunkSize,
        firstTokenDelay, chunkDelay, dropAfterChunks, malformedChunkAfter);
  }

  /** Streaming: characters of tool-call arguments per chunk (default 7). */
  public SimulatedReply withArgumentChunkSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be >= 1 but was " + size);
    }
    return new SimulatedReply(kind, content, toolCalls, usage, finishReason, textChunkSize, size,
        firstTokenDelay, chunkDelay, dropAfterChunks, malformedChunkAfter);
  }

  /**
   * A slow model: the blocking answer waits this long; a stream sends its headers at once and its first chunk after
   * this delay.
   */
  public SimulatedReply withFirstTokenDelay(Duration delay) {
    return new SimulatedReply(kind, content, toolCalls, usage, finishReason, textChunkSize, argumentChunkSize,
        requireNonNegative(delay), chunkDelay, dropAfterChunks, malformedChunkAfter);
  }

  /** Streaming: pause between chunks. */
  public SimulatedReply withChunkDelay(Duration delay) {
    return new SimulatedReply(kind, content, toolCalls, usage, finishReason, textChunkSize, argumentChunkSize,
        firstTokenDelay, requireNonNegative(delay), dropAfterChunks, malformedChunkAfter);
  }

  /**
   * Streaming fault: the TCP connection is closed after {@code chunks} well-formed chunks, with no final chunk, no
   * {@code [DONE]} and no chunked-encoding terminator. A blocking request for this reply gets the connection closed
   * before any response byte.
   */
  public SimulatedReply droppingConnectionAfterChunks(int chunks) {
    if (chunks < 0) {
      throw new IllegalArgumentException("chunks must be >= 0 but was " + chunks);
    }
    return new SimulatedReply(kind, content, toolCalls, usage, finishReason, textChunkSize, argumentChunkSize,
        firstTokenDelay, chunkDelay, chunks, malformedChunkAfter);
  }

  /**
   * Streaming fault: after {@code chunks} well-formed chunks one {@code data:} event carries truncated JSON; the
   * stream then goes on normally to {@code [DONE]}.
   */
  public SimulatedReply withMalformedChunkAfter(int chunks) {
    if (chunks < 0) {
      throw new IllegalArgumentException("chunks must be >= 0 but was " + chunks);
    }
    return new SimulatedReply(kind, content, toolCalls, usage, finishReason, textChunkSize, argumentChunkSize,
        firstTokenDelay, chunkDelay, dropAfterChunks, chunks);
  }

  public Kind kind() {
    return kind;
  }

  /** The text or JSON content; empty for tool calls. */
  public Optional<String> content() {
    return Optional.ofNullable(content);
  }

  public List<SimulatedToolCall> toolCalls() {
    return toolCalls;
  }

  public Optional<SimulatedUsage> usage() {
    return Optional.ofNullable(usage);
  }

  /** The finish reason sent: the override, else {@code tool_calls} for tool calls, else {@code stop}. */
  public String finishReason() {
    if (finishReason != null) {
      return finishReason;
    }
    return kind == Kind.TOOL_CALLS ? "tool_calls" : "stop";
  }

  public int textChunkSize() {
    return textChunkSize;
  }

  public int argumentChunkSize() {
    return argumentChunkSize;
  }

  public Duration firstTokenDelay() {
    return firstTokenDelay;
  }

  public Duration chunkDelay() {
    return chunkDelay;
  }

  /** The chunk count after which the connection is dropped, or empty. */
  public Optional<Integer> dropAfterChunks() {
    return dropAfterChunks < 0 ? Optional.empty() : Optional.of(dropAfterChunks);
  }

  /** The chunk count after which a malformed chunk is sent, or empty. */
  public Optional<Integer> malformedChunkAfter() {
    return malformedChunkAfter < 0 ? Optional.empty() : Optional.of(malformedChunkAfter);
  }

  private static Duration requireNonNegative(Duration delay) {
    Objects.requireNonNull(delay, "delay must not be null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative but was " + delay);
    }
    return delay;
  }

  @Override
  public String toString() {
    return "SimulatedReply[" + kind + (content == null ? "" : " " + content) + (toolCalls.isEmpty() ? "" : " "
        + toolCalls) + "]";
  }
}
