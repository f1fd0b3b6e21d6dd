package dev.coachkit.adapter.openai.chat.internal;

import java.time.Duration;

/** Waits between retries; tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  /** The real one: {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = delay -> Thread.sleep(delay.toMillis());

  void sleep(Duration delay) throws InterruptedException;
}
