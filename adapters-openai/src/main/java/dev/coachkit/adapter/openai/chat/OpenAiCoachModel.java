package dev.coachkit.adapter.openai.chat;

import dev.coachkit.adapter.openai.OpenAiConfig;
import dev.coachkit.adapter.openai.chat.internal.ChatSettings;
import dev.coachkit.adapter.openai.chat.internal.ProviderChain;
import dev.coachkit.ports.model.model.ModelReply;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.coachkit.ports.out.model.CoachModel;
import dev.coachkit.ports.out.model.ModelStreamListener;

/**
 * The coach's language model over OpenAI Chat Completions (OpenAI, Azure OpenAI or an OpenAI-compatible server)
 * through LangChain4j, with retries per provider and a fallback chain of providers.
 *
 * <p>Constructible without CDI. With no provider configured it still constructs, and every call fails with
 * {@code ModelFailure} {@code NOT_CONFIGURED}; {@link #isConfigured()} and {@link #describe()} tell the server.
 */
public final class OpenAiCoachModel implements CoachModel, AutoCloseable {

  private final ProviderChain chain;

  /** From the {@code coach.openai.*} configuration. */
  public OpenAiCoachModel(OpenAiConfig config) {
    this(ChatSettings.from(config));
  }

  /** From plain settings (tests, or wiring without a configuration mapping). */
  public OpenAiCoachModel(ChatSettings settings) {
    this.chain = new ProviderChain(settings);
  }

  @Override
  public ModelReply reply(ModelRequest request) {
    return chain.reply(request);
  }

  @Override
  public void stream(ModelRequest request, ModelStreamListener listener) {
    chain.stream(request, listener);
  }

  /** Whether at least one provider is configured. */
  public boolean isConfigured() {
    return chain.configured();
  }

  /**
   * One line for the server banner: the providers in order (kind, model, URL; never a key), or why none is
   * configured and how to configure one.
   */
  public String describe() {
    return chain.describe();
  }

  /** Stops the adapter's stream threads and closes its connections to the providers. */
  @Override
  public void close() {
    chain.close();
  }

  @Override
  public String toString() {
    return "OpenAiCoachModel[" + describe() + "]";
  }
}
