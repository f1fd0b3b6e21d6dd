package dev.coachkit.domain.voice;

import dev.coachkit.ports.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/** A {@link VoiceScheduler} driven by a {@link MutableClock}: tasks run when a test advances time past them. */
final class ManualScheduler implements VoiceScheduler {
  private final MutableClock clock;
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private long sequence;

  private static final class Task implements Comparable<Task> {
    final Instant due;
    final long seq;
    final Runnable body;
    volatile boolean cancelled;

    Task(Instant due, long seq, Runnable body) {
      this.due = due;
      this.seq = seq;
      this.body = body;
    }

    @Override
    public int compareTo(Task o) {
      int byDue = due.compareTo(o.due);
      return byDue != 0 ? byDue : Long.compare(seq, o.seq);
    }
  }

  ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Scheduled schedule(Duration delay, Runnable body) {
    Task task = new Task(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, body);
    tasks.add(task);
    return () -> task.cancelled = true;
  }

  /** Moves time forward, running each task that falls due at its own instant, in order. */
  void advance(Duration duration) {
    Instant target = clock.instant().plus(duration);
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.due.isAfter(target)) {
          break;
        }
        tasks.poll();
      }
      if (next.cancelled) {
        continue;
      }
      if (next.due.isAfter(clock.instant())) {
        clock.set(next.due);
      }
      next.body.run();
    }
    clock.set(target);
  }

  /** Tasks scheduled and neither run nor cancelled. */
  synchronized long pending() {
    return tasks.stream().filter(t -> !t.cancelled).count();
  }
}
