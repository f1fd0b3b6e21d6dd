package dev.coachkit.adapter.openai;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Configuration of the OpenAI adapter ({@code coach.openai.*}): the primary chat provider at the top level, an
 * ordered list of fallback providers under {@code coach.openai.fallback[n].*}, and the retry policy shared by all.
 *
 * <p>With no usable primary provider (e.g. {@code provider=openai} without {@code api-key}) the adapter still starts
 * and answers every model call with {@code ModelFailure} {@code NOT_CONFIGURED}.
 */
@ConfigMapping(prefix = "coach.openai")
public interface OpenAiConfig {

  /** The primary provider; its keys sit directly under {@code coach.openai} (e.g. {@code coach.openai.api-key}). */
  @WithParentName
  Provider primary();

  /** Providers tried in order when the primary is down (connection errors, 5xx, timeouts, 429 after retries). */
  List<Provider> fallback();

  /** Retries of one provider before falling back. */
  Retry retry();

  /**
   * Send {@code strict: true} for tools whose parameter schema already meets the structured-outputs rules (every
   * object closes {@code additionalProperties: false} and requires all its properties); other tools go non-strict.
   */
  @WithDefault("true")
  boolean strictTools();

  /** Which API a provider speaks. */
  enum ProviderKind {
    /** api.openai.com (or a proxy of it): {@code Authorization: Bearer}. */
    OPENAI,
    /** Azure OpenAI: {@code {endpoint}/openai/deployments/{deployment}}, {@code api-version}, {@code api-key}. */
    AZURE,
    /** Any OpenAI-compatible server by base URL (Ollama, vLLM, LM Studio); the API key is optional. */
    COMPATIBLE
  }

  /** One chat provider. */
  interface Provider {

    /** {@code openai}, {@code azure} or {@code compatible}. */
    @WithDefault("openai")
    ProviderKind provider();

    /** The name a reply reports as its provider; defaults to the provider kind (made unique in the chain). */
    Optional<String> name();

    /** The API key (OpenAI bearer key, Azure {@code api-key}); optional for {@code compatible}. */
    Optional<String> apiKey();

    /** The API base URL ({@code openai}: defaults to https://api.openai.com/v1; {@code compatible}: required). */
    Optional<String> baseUrl();

    /** The model (for Azure: defaults to the deployment name). */
    Optional<String> model();

    /** Azure resource endpoint, e.g. https://my-resource.openai.azure.com. */
    Optional<String> endpoint();

    /** Azure deployment name. */
    Optional<String> deployment();

    /** Azure API version. */
    @WithDefault("2024-10-21")
    String apiVersion();

    /** Time to establish a connection. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** Time to wait for the response headers, and for each chunk of a stream (including the first token). */
    @WithDefault("60s")
    Duration readTimeout();
  }

  /** Retries with exponential backoff and jitter on 429, 5xx, timeouts and connection errors. */
  interface Retry {

    /** Attempts per provider, the first included (1 = no retry). */
    @WithDefault("3")
    int maxAttempts();

    /** Backoff before the first retry. */
    @WithDefault("500ms")
    Duration initialBackoff();

    /** Upper bound of a computed backoff. */
    @WithDefault("8s")
    Duration maxBackoff();

    /** Growth factor of the backoff per retry. */
    @WithDefault("2.0")
    double multiplier();

    /** Fraction of a computed backoff taken off at random (0 = none, 1 = full jitter). */
    @WithDefault("0.5")
    double jitter();

    /** Longest {@code Retry-After} honoured; a longer one ends the retries with RATE_LIMITED and its retry-after. */
    @WithDefault("20s")
    Duration maxRetryAfter();
  }
}
