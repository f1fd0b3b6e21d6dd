package dev.coachkit.ports.model.voice;

/** Why a voice session ended. */
public enum VoiceEndReason {
  /** The user hung up. */
  USER_ENDED,
  /** The client connection went away. */
  CLIENT_DISCONNECTED,
  /** The maximum duration was reached. */
  MAX_DURATION,
  /** Nothing happened for longer than the idle timeout. */
  IDLE_TIMEOUT,
  /** The user's budget ran out during the call. */
  BUDGET_EXCEEDED,
  /** The user hit the rate limit during the call. */
  RATE_LIMITED,
  /** The session was never connected before it expired, or was found stale. */
  EXPIRED,
  /** The upstream model failed beyond recovery. */
  UPSTREAM_FAILED,
  /** The server is shutting down. */
  SERVER_SHUTDOWN
}
