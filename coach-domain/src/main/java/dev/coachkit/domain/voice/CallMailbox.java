package dev.coachkit.domain.voice;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one call's work one task at a time, in submission order, on a shared executor: upstream events, client
 * commands and timers of a call never run concurrently, and calls never block each other's threads.
 *
 * <p>A task submitted while another runs (also from inside a task) is queued behind it, so a direct executor
 * runs everything on the submitting thread, which is what the tests use.
 */
final class CallMailbox {
  private final Executor executor;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final Thread.UncaughtExceptionHandler onFailure;

  CallMailbox(Executor executor, Thread.UncaughtExceptionHandler onFailure) {
    this.executor = executor;
    this.onFailure = onFailure;
  }

  void submit(Runnable task) {
    tasks.add(task);
    if (draining.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    while (true) {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        try {
          task.run();
        } catch (RuntimeException e) {
          onFailure.uncaughtException(Thread.currentThread(), e);
        }
      }
      draining.set(false);
      // A task added after the last poll but before the flag was cleared must not be stranded.
      if (tasks.isEmpty() || !draining.compareAndSet(false, true)) {
        return;
      }
    }
  }
}
