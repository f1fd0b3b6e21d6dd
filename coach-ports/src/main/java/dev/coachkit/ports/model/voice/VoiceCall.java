package dev.coachkit.ports.model.voice;

import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.realtime.Pcm16Audio;

/**
 * A live relayed voice call as its client drives it; every method is non-blocking and safe from any thread.
 *
 * <p>Methods called after the call ended are ignored.
 */
public interface VoiceCall {

  VoiceSessionId sessionId();

  /** User audio: PCM16, 24 kHz, mono, little-endian, even length. */
  void sendAudio(Pcm16Audio audio);

  /** The same from a byte array, which is copied (the array is not kept). */
  default void sendAudio(byte[] pcm16) {
    sendAudio(pcm16 == null ? null : Pcm16Audio.copyOf(pcm16));
  }

  /** The user started talking (push to talk). */
  void startRecording();

  /** The user finished talking: commit the audio as a turn (push to talk). */
  void stopRecording();

  /** Cancel the assistant's response in progress. */
  void cancel();

  /** The user typed a message during the call. */
  void sendText(String text);

  /** How much of the current assistant audio the client has played, for truncation on barge-in. */
  void playbackPosition(long playedMs);

  /** The client hung up. */
  void end();

  /**
   * The client's connection went away without a hang-up (e.g. the WebSocket closed): the call ends as
   * {@code CLIENT_DISCONNECTED}. Defaults to {@link #end()} for calls that do not tell the two apart.
   */
  default void disconnected() {
    end();
  }
}
