package dev.coachkit.adapter.web.archfixture;

import dev.coachkit.adapter.openai.archfixture.OpenAiFixtureClient;

/** Breaks rule 6: one adapter that depends on another. */
public final class WebCallingOpenAi {
  public String ask(OpenAiFixtureClient client) {
    return client.complete("hi");
  }
}
