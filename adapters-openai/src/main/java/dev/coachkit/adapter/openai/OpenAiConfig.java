package dev.coachkit.adapter.openai;

import dev.coachkit.ports.model.realtime.TurnDetection.Eagerness;
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
 * <p>The realtime (voice) adapter uses the primary provider's kind, key, base URL or Azure endpoint, plus its own
 * group {@code coach.openai.realtime.*}.
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

  /** The realtime (speech-to-speech) adapter: protocol, endpoints and the session defaults the server starts from. */
  Realtime realtime();

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

    /**
     * Connections kept open to this provider, so also the calls to it in flight at once (HTTP/1.1: one connection
     * per call); a call beyond that waits up to the connect timeout for a free one.
     */
    @WithDefault("64")
    int maxConnections();
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

  /** Which Realtime wire protocol to speak. */
  enum RealtimeProtocol {
    /** The GA API ({@code gpt-realtime}): nested {@code audio.input/output}, {@code response.output_audio.*}. */
    GA,
    /** The beta API ({@code OpenAI-Beta: realtime=v1}, {@code gpt-4o-realtime-preview}): flat session. */
    BETA
  }

  /** How the realtime model detects the end of a user turn by default. */
  enum TurnDetectionMode {
    /** Voice activity detection by audio energy ({@code server_vad}). */
    SERVER_VAD,
    /** Detection by what the user said ({@code semantic_vad}). */
    SEMANTIC_VAD,
    /** None: the client commits the audio and asks for a response (push to talk). */
    MANUAL
  }

  /** The realtime adapter's own keys ({@code coach.openai.realtime.*}). */
  interface Realtime {

    /** The default realtime model (for Azure: the deployment, unless {@code deployment} is set). */
    @WithDefault("gpt-realtime")
    String model();

    /** {@code ga} or {@code beta}; beta also needs a beta model such as {@code gpt-4o-realtime-preview}. */
    @WithDefault("ga")
    RealtimeProtocol protocol();

    /** The default voice ({@code alloy} exists in both protocols; GA adds e.g. {@code marin}, {@code cedar}). */
    @WithDefault("alloy")
    String voice();

    /** The default input transcription model; {@code none} turns user transcripts off. */
    @WithDefault("whisper-1")
    String inputTranscriptionModel();

    /** The default turn detection. */
    TurnDetectionDefaults turnDetection();

    /**
     * Overrides the WebSocket base: {@code wss://api.openai.com/v1} (OpenAI, derived from {@code base-url}) or
     * {@code wss://<resource>.openai.azure.com/openai} (Azure, derived from {@code endpoint}).
     */
    Optional<String> wsBaseUrl();

    /** Azure: the realtime deployment (defaults to the session's model). */
    Optional<String> deployment();

    /** Azure beta protocol: the {@code api-version} query parameter. */
    @WithDefault("2024-10-01-preview")
    String azureApiVersion();

    /** Time to open the WebSocket. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** Time from the WebSocket opening to {@code session.updated} (the session is configured). */
    @WithDefault("10s")
    Duration setupTimeout();

    /** Time the server has to answer our close frame before the socket is aborted. */
    @WithDefault("1s")
    Duration closeTimeout();

    /** Time to wait for {@code POST /realtime/client_secrets}. */
    @WithDefault("10s")
    Duration requestTimeout();
  }

  /** Default turn detection values ({@code coach.openai.realtime.turn-detection.*}). */
  interface TurnDetectionDefaults {

    /** {@code server-vad}, {@code semantic-vad} or {@code manual}. */
    @WithDefault("server-vad")
    TurnDetectionMode mode();

    /** server VAD: activation threshold 0..1. */
    @WithDefault("0.5")
    double threshold();

    /** server VAD: audio kept before detected speech, ms. */
    @WithDefault("300")
    int prefixPaddingMs();

    /** server VAD: silence that ends a turn, ms. */
    @WithDefault("500")
    int silenceDurationMs();

    /** semantic VAD: {@code low}, {@code medium}, {@code high} or {@code auto}. */
    @WithDefault("auto")
    Eagerness eagerness();
  }
}
