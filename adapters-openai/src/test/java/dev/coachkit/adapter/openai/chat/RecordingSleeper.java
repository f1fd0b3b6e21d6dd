package dev.coachkit.adapter.openai.chat;

import dev.coachkit.adapter.openai.chat.internal.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that records each wait and returns at once. */
final class RecordingSleeper implements Sleeper {
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration delay) {
    waits.add(delay);
  }

  List<Duration> waits() {
    return List.copyOf(waits);
  }
}
