package dev.coachkit.ports.model.conversation;

/** How a message was exchanged: typed chat or a voice call (stored as its transcript). */
public enum Channel {
  TEXT,
  VOICE
}
