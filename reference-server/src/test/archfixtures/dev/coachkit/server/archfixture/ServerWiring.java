package dev.coachkit.server.archfixture;

import dev.coachkit.adapter.openai.internal.archfixture.RealtimeWireEvent;

/** Breaks rule 7: the server reaching into an adapter's internal package. */
public final class ServerWiring {
  public RealtimeWireEvent event() {
    return new RealtimeWireEvent("session.created");
  }
}
