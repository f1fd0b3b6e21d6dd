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
 *
 * <p>Audio is relayed fifty times a second per direction and call, and a hand-over to the executor costs more CPU
 * than relaying a frame (a thread wake-up each time). So a {@link QuickTask}, work that never blocks, runs at once
 * on the submitting thread when the call is idle (nothing queued, nothing running), followed by any quick tasks
 * queued behind it meanwhile; as soon as the next task may block (storage, a model call) the rest goes to the
 * executor. This is still the one serial order of the mailbox: a quick task never overtakes a task submitted
 * before it, and never runs concurrently with another task of the call.
 */
final class CallMailbox {
  /** At most this many queued quick tasks run on a submitting thread before the executor takes over. */
  static final int INLINE_BUDGET = 16;

  /** Work that may run on the submitting thread when it can run without blocking. */
  abstract static class QuickTask implements Runnable {
    /**
     * Whether the task would run now without blocking. Asked only by the mailbox's current holder, right before
     * the task would run, so it may read the call's state.
     */
    abstract boolean isQuickNow();
  }

  private final Executor executor;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final Thread.UncaughtExceptionHandler onFailure;
  /** A quick task that turned out to need the executor: it runs first there (holder only). */
  private volatile Runnable deferred;

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

  /** Runs the task on this thread if the call is idle and the task is quick now; otherwise as {@link #submit}. */
  void submitQuick(QuickTask task) {
    if (!tasks.isEmpty() || !draining.compareAndSet(false, true)) {
      submit(task);
      return;
    }
    if (!task.isQuickNow()) {
      deferred = task;
      executor.execute(this::drain);
      return;
    }
    run(task);
    continueInline();
  }

  /** The holder runs the quick tasks at the head of the queue, then lets go or hands the rest to the executor. */
  private void continueInline() {
    int budget = INLINE_BUDGET;
    while (true) {
      Runnable next = tasks.peek();
      if (next == null) {
        draining.set(false);
        // A task added after the last peek but before the flag was cleared must not be stranded.
        if (tasks.isEmpty() || !draining.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      if (budget-- <= 0 || !(next instanceof QuickTask) || !((QuickTask) next).isQuickNow()) {
        executor.execute(this::drain);
        return;
      }
      tasks.poll(); // only the holder polls: this is the task just peeked
      run(next);
    }
  }

  private void drain() {
    Runnable first = deferred;
    if (first != null) {
      deferred = null;
      run(first);
    }
    while (true) {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        run(task);
      }
      draining.set(false);
      // A task added after the last poll but before the flag was cleared must not be stranded.
      if (tasks.isEmpty() || !draining.compareAndSet(false, true)) {
        return;
      }
    }
  }

  private void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      onFailure.uncaughtException(Thread.currentThread(), e);
    }
  }
}
