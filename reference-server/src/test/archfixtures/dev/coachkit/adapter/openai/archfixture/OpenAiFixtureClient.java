package dev.coachkit.adapter.openai.archfixture;

import dev.coachkit.adapter.openai.internal.archfixture.RealtimeWireEvent;

/** A class of the OpenAI adapter; using its own internal package is allowed. */
public final class OpenAiFixtureClient {
  public String complete(String prompt) {
    return new RealtimeWireEvent(prompt).type();
  }
}
