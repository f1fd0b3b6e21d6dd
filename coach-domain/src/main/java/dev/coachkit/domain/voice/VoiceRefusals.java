package dev.coachkit.domain.voice;

import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.model.ModelFailure;
import java.time.Duration;
import java.util.Optional;

/** The refusals the voice services give, worded for the user. */
final class VoiceRefusals {
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);

  private VoiceRefusals() {}

  static Refusal notFound() {
    return Refusal.notFound("voice session");
  }

  static Refusal alreadyActive() {
    return Refusal.of(RefusalReason.VOICE_SESSION_ACTIVE,
        "You already have a voice call open; end it before starting another.");
  }

  static Refusal ended() {
    return Refusal.of(RefusalReason.INVALID_STATE, "This voice session has ended; start a new one.");
  }

  static Refusal wrongTransport(String what) {
    return Refusal.of(RefusalReason.INVALID_REQUEST, what);
  }

  /** A realtime model or token failure (possibly wrapped) as a refusal. */
  static Refusal of(Throwable failure) {
    Throwable cause = failure;
    while (cause != null && !(cause instanceof ModelFailure) && cause.getCause() != null
        && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    if (cause instanceof ModelFailure) {
      ModelFailure model = (ModelFailure) cause;
      switch (model.kind()) {
        case NOT_CONFIGURED:
          return Refusal.of(RefusalReason.MODEL_NOT_CONFIGURED, "No realtime voice model is configured on this server.");
        case RATE_LIMITED:
          return new Refusal(RefusalReason.RATE_LIMITED, "The voice model provider is busy; please try again shortly.",
              Optional.of(model.retryAfter().orElse(DEFAULT_RETRY_AFTER)));
        default:
          break;
      }
    }
    return new Refusal(RefusalReason.MODEL_UNAVAILABLE, "The voice model could not be reached; please try again.",
        Optional.of(DEFAULT_RETRY_AFTER));
  }
}
