package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.out.realtime.AvatarOutput;
import java.util.ArrayList;
import java.util.List;

/** An {@link AvatarOutput} fake that records what it was asked to do, as readable lines. */
public final class RecordingAvatarOutput implements AvatarOutput {
  private final List<String> calls = new ArrayList<>();

  @Override
  public synchronized void speak(VoiceSessionId sessionId, String text) {
    calls.add("speak " + sessionId + ": " + text);
  }

  @Override
  public synchronized void interrupt(VoiceSessionId sessionId) {
    calls.add("interrupt " + sessionId);
  }

  /** E.g. {@code ["speak <id>: Hi Ana!", "interrupt <id>"]}. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }
}
