package dev.coachkit.ports.model.voice;

/** How audio travels: through the server's WebSocket relay, or browser-to-provider WebRTC with a sideband. */
public enum VoiceTransport {
  RELAY,
  WEBRTC
}
