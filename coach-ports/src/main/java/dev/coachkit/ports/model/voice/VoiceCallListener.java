package dev.coachkit.ports.model.voice;

/** Receives a live call's events for its client, one at a time and in order; {@code SessionEnded} is the last. */
@FunctionalInterface
public interface VoiceCallListener {

  void onEvent(VoiceCallEvent event);
}
