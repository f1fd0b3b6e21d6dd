package dev.coachkit.ports.model.common;

import java.time.Duration;
import java.util.Optional;

/** An expected refusal as a value: the reason, a message for the user, and when to retry if that is known. */
public record Refusal(RefusalReason reason, String message, Optional<Duration> retryAfter) {
  public Refusal {
    Require.nonNull(reason, "reason");
    Require.text(message, "message", 2_000);
    Require.nonNull(retryAfter, "retryAfter");
    retryAfter.ifPresent(
        d -> {
          if (d.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative");
          }
        });
  }

  public static Refusal of(RefusalReason reason, String message) {
    return new Refusal(reason, message, Optional.empty());
  }

  public static Refusal notFound(String what) {
    return of(RefusalReason.NOT_FOUND, what + " not found");
  }
}
