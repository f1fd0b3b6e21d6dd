package dev.coachkit.ports.model.voice;

/** Why a live voice call is moving to a new upstream model session. */
public enum ReconnectCause {
  /** The upstream connection closed without the server closing it; the call reconnects with backoff. */
  UPSTREAM_DROPPED,
  /** The upstream session nears its time limit; the call continues on a new one that carries the conversation. */
  CONTINUATION
}
