package dev.coachkit.adapter.web.voice;

import java.time.Instant;

/** A single-use ticket for opening the voice WebSocket: pass it as {@code ?ticket=} before it expires. */
record VoiceTicketResponse(String ticket, Instant expiresAt) {
  @Override
  public String toString() {
    return "VoiceTicketResponse[ticket=***, expiresAt=" + expiresAt + "]";
  }
}
