package dev.coachkit.ports.out.realtime;

import dev.coachkit.ports.model.common.VoiceSessionId;

/** Driven port: an avatar provider that voices (and shows) the coach saying a text in a voice session. */
public interface AvatarOutput {

  /** Speaks the text in this session's avatar stream; non-blocking. */
  void speak(VoiceSessionId sessionId, String text);

  /** Stops the avatar speaking at once (the user barged in). */
  void interrupt(VoiceSessionId sessionId);

  /** An avatar output that does nothing, for servers without an avatar provider. */
  static AvatarOutput none() {
    return new AvatarOutput() {
      @Override
      public void speak(VoiceSessionId sessionId, String text) {}

      @Override
      public void interrupt(VoiceSessionId sessionId) {}
    };
  }
}
