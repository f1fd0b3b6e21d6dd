package dev.coachkit.ports.out.realtime;

import dev.coachkit.ports.model.json.JsonValue;
import dev.coachkit.ports.model.realtime.Pcm16Audio;
import dev.coachkit.ports.model.realtime.RealtimeSessionConfig;

/**
 * One open upstream realtime session; every method is non-blocking, safe from any thread, and sends in call order.
 *
 * <p>Methods called after the connection closed are ignored.
 */
public interface RealtimeConnection extends AutoCloseable {

  /** Appends user audio: PCM16, 24 kHz, mono, little-endian. */
  void sendAudio(Pcm16Audio audio);

  /** The same from a byte array, which is copied (the array is not kept). */
  default void sendAudio(byte[] pcm16) {
    sendAudio(Pcm16Audio.copyOf(pcm16));
  }

  /** Commits the input audio buffer as a user turn (push to talk). */
  void commitAudio();

  /** Discards uncommitted input audio. */
  void clearAudio();

  /** Asks the model to respond now. */
  void createResponse();

  /** Asks the model to respond now with these instructions for this response only (e.g. the greeting). */
  void createResponse(String instructions);

  /** Cancels the response in progress, if any. */
  void cancelResponse();

  /** Cuts an assistant audio item at the position the user actually heard (barge-in). */
  void truncate(String itemId, int contentIndex, long audioEndMs);

  /**
   * Returns a tool's output for a call. It does not ask for a response: the caller then calls
   * {@link #createResponse()} (so several outputs of one turn can be sent before the model answers).
   */
  void sendToolOutput(String callId, JsonValue output);

  /** Adds a typed user message to the conversation; like a tool output, the caller then asks for a response. */
  void sendText(String text);

  /** Replaces the session configuration (instructions, voice, turn detection, tools). */
  void updateSession(RealtimeSessionConfig config);

  /** Closes the upstream session; the listener then receives a non-abnormal {@code Closed}. */
  @Override
  void close();
}
