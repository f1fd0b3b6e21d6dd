package dev.coachkit.adapter.openai.simulator;

/**
 * Token counts the simulator reports in {@code usage}: prompt, completion and, of the prompt, cached tokens
 * ({@code usage.prompt_tokens_details.cached_tokens}). The total is prompt + completion, as OpenAI computes it.
 */
public record SimulatedUsage(int promptTokens, int completionTokens, int cachedTokens) {

  public SimulatedUsage {
    if (promptTokens < 0) {
      throw new IllegalArgumentException("promptTokens must be >= 0 but was " + promptTokens);
    }
    if (completionTokens < 0) {
      throw new IllegalArgumentException("completionTokens must be >= 0 but was " + completionTokens);
    }
    if (cachedTokens < 0 || cachedTokens > promptTokens) {
      throw new IllegalArgumentException("cachedTokens must be within 0.." + promptTokens + " but was " + cachedTokens);
    }
  }

  public int totalTokens() {
    return promptTokens + completionTokens;
  }
}
