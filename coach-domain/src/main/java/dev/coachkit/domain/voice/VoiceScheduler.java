package dev.coachkit.domain.voice;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay; live calls use it for their deadlines, ticks and reconnect backoff. */
@FunctionalInterface
public interface VoiceScheduler {

  /** Runs {@code task} once after {@code delay}; the returned handle cancels it if it has not run yet. */
  Scheduled schedule(Duration delay, Runnable task);

  /** A scheduled task that can be cancelled. */
  @FunctionalInterface
  interface Scheduled {
    void cancel();
  }

  /** A scheduler backed by an executor service (the production choice). */
  static VoiceScheduler of(ScheduledExecutorService executor) {
    Objects.requireNonNull(executor, "executor must not be null");
    return (delay, task) -> {
      ScheduledFuture<?> future = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    };
  }
}
