package dev.coachkit.adapter.openai.realtime;

import dev.coachkit.ports.model.realtime.RealtimeEvent;
import dev.coachkit.ports.out.realtime.RealtimeEventListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Collects realtime events, lets a test wait for them, and records any overlapping or post-Closed callback. */
final class RecordingRealtimeListener implements RealtimeEventListener {

  private final List<RealtimeEvent> events = new ArrayList<>();
  private final List<String> contractBreaches = new ArrayList<>();
  private final AtomicInteger inCallback = new AtomicInteger();

  @Override
  public void onEvent(RealtimeEvent event) {
    if (inCallback.incrementAndGet() != 1) {
      breach("overlapping callbacks at " + event.kind());
    }
    try {
      synchronized (this) {
        if (!events.isEmpty() && events.get(events.size() - 1) instanceof RealtimeEvent.Closed) {
          contractBreaches.add("event after Closed: " + event.kind());
        }
        events.add(event);
        notifyAll();
      }
      Thread.yield(); // widen the window in which an overlapping callback would be seen
    } finally {
      inCallback.decrementAndGet();
    }
  }

  private synchronized void breach(String what) {
    contractBreaches.add(what);
  }

  synchronized List<RealtimeEvent> events() {
    return List.copyOf(events);
  }

  synchronized List<String> contractBreaches() {
    return List.copyOf(contractBreaches);
  }

  <T extends RealtimeEvent> List<T> ofType(Class<T> type) {
    return events().stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  <T extends RealtimeEvent> T await(Class<T> type, Duration timeout) {
    return awaitCount(type, 1, timeout).get(0);
  }

  <T extends RealtimeEvent> T await(Class<T> type, Predicate<T> matcher, Duration timeout) {
    awaitCondition(() -> ofType(type).stream().anyMatch(matcher), timeout, "a matching " + type.getSimpleName());
    return ofType(type).stream().filter(matcher).findFirst().orElseThrow();
  }

  <T extends RealtimeEvent> List<T> awaitCount(Class<T> type, int count, Duration timeout) {
    awaitCondition(() -> ofType(type).size() >= count, timeout, count + " x " + type.getSimpleName());
    return ofType(type);
  }

  synchronized void awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(new TimeoutException("timed out after " + timeout + " waiting for " + what
            + "; received " + kinds()));
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  synchronized List<RealtimeEvent.Kind> kinds() {
    List<RealtimeEvent.Kind> k = new ArrayList<>();
    events.forEach(e -> k.add(e.kind()));
    return k;
  }
}
