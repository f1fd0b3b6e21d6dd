package dev.coachkit.ports.model.common;

/** Why a use case declined a request; each maps to one HTTP status and one voice-relay error code. */
public enum RefusalReason {
  /** The user's daily spending budget is used up. */
  BUDGET_EXCEEDED,
  /** The user sent too many requests in the rate-limit window. */
  RATE_LIMITED,
  /** The model provider (and any fallback) could not answer. */
  MODEL_UNAVAILABLE,
  /** No model provider is configured on this server. */
  MODEL_NOT_CONFIGURED,
  /** The provider refused the content. */
  CONTENT_FILTERED,
  /** The thing does not exist or belongs to another user. */
  NOT_FOUND,
  /** The request is well-formed but not acceptable, e.g. inconsistent parameters. */
  INVALID_REQUEST,
  /** The thing exists but is in a state that does not allow this, e.g. an ended voice session. */
  INVALID_STATE,
  /** The user already has an open voice session. */
  VOICE_SESSION_ACTIVE
}
