package dev.coachkit.domain.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** An executor that runs tasks on the submitting thread, or holds them while closed (until it is opened). */
final class GateExecutor implements Executor {
  private final List<Runnable> held = new ArrayList<>();
  private boolean closed;

  synchronized void close() {
    closed = true;
  }

  /** Runs what was held, on this thread, and lets later tasks through. */
  void open() {
    List<Runnable> release;
    synchronized (this) {
      closed = false;
      release = new ArrayList<>(held);
      held.clear();
    }
    release.forEach(Runnable::run);
  }

  synchronized int held() {
    return held.size();
  }

  @Override
  public void execute(Runnable task) {
    synchronized (this) {
      if (closed) {
        held.add(task);
        return;
      }
    }
    task.run();
  }
}
