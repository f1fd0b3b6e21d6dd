package dev.coachkit.ports.out.realtime;

import dev.coachkit.ports.model.realtime.RealtimeEvent;

/** Receives a realtime connection's events, one at a time and in order; {@code Closed} is the last. */
@FunctionalInterface
public interface RealtimeEventListener {

  void onEvent(RealtimeEvent event);
}
