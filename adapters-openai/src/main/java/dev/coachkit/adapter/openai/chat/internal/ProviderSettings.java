package dev.coachkit.adapter.openai.chat.internal;

import dev.coachkit.adapter.openai.OpenAiConfig.ProviderKind;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One resolved chat provider: its name, kind, the base URL the OpenAI client posts {@code chat/completions} under,
 * the key, the model, the timeouts and the size of its connection pool. For Azure the base URL already is {@code {endpoint}/openai/deployments/{d}}
 * and {@code apiVersion} is set.
 */
public record ProviderSettings(
    String name,
    ProviderKind kind,
    String baseUrl,
    Optional<String> apiKey,
    String model,
    Optional<String> apiVersion,
    Duration connectTimeout,
    Duration readTimeout,
    int maxConnections) {

  public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

  /** The pool size unless configured: {@code coach.openai.max-connections}'s default. */
  public static final int DEFAULT_MAX_CONNECTIONS = 64;

  public ProviderSettings {
    Objects.requireNonNull(name, "name must not be null");
    if (name.isBlank() || name.length() > 64) {
      throw new IllegalArgumentException("name must be 1..64 characters but was '" + name + "'");
    }
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(baseUrl, "baseUrl must not be null");
    if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new IllegalArgumentException("baseUrl must be an http(s) URL but was '" + baseUrl + "'");
    }
    Objects.requireNonNull(apiKey, "apiKey must not be null");
    Objects.requireNonNull(model, "model must not be null");
    if (model.isBlank()) {
      throw new IllegalArgumentException("model must not be blank");
    }
    Objects.requireNonNull(apiVersion, "apiVersion must not be null");
    if (kind == ProviderKind.AZURE && (apiVersion.isEmpty() || apiKey.isEmpty())) {
      throw new IllegalArgumentException("an azure provider needs apiVersion and apiKey");
    }
    if (kind == ProviderKind.OPENAI && apiKey.isEmpty()) {
      throw new IllegalArgumentException("an openai provider needs apiKey");
    }
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(readTimeout, "readTimeout");
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be positive but was " + maxConnections);
    }
  }

  /** An OpenAI provider. */
  public static ProviderSettings openAi(String name, String baseUrl, String apiKey, String model, Duration connect,
      Duration read) {
    return new ProviderSettings(name, ProviderKind.OPENAI, trimSlash(baseUrl), Optional.of(apiKey), model,
        Optional.empty(), connect, read, DEFAULT_MAX_CONNECTIONS);
  }

  /** An Azure OpenAI deployment; the model defaults to the deployment name. */
  public static ProviderSettings azure(String name, String endpoint, String deployment, String apiVersion,
      String apiKey, Optional<String> model, Duration connect, Duration read) {
    return new ProviderSettings(name, ProviderKind.AZURE,
        trimSlash(endpoint) + "/openai/deployments/" + deployment, Optional.of(apiKey), model.orElse(deployment),
        Optional.of(apiVersion), connect, read, DEFAULT_MAX_CONNECTIONS);
  }

  /** An OpenAI-compatible server; the key may be absent. */
  public static ProviderSettings compatible(String name, String baseUrl, Optional<String> apiKey, String model,
      Duration connect, Duration read) {
    return new ProviderSettings(name, ProviderKind.COMPATIBLE, trimSlash(baseUrl), apiKey, model, Optional.empty(),
        connect, read, DEFAULT_MAX_CONNECTIONS);
  }

  /** These settings with a pool of {@code max} connections: at most that many calls to the provider at once. */
  public ProviderSettings withMaxConnections(int max) {
    return new ProviderSettings(name, kind, baseUrl, apiKey, model, apiVersion, connectTimeout, readTimeout, max);
  }

  /** Headers besides LangChain4j's own (which sends {@code Authorization: Bearer} when given a key). */
  Map<String, String> extraHeaders() {
    return kind == ProviderKind.AZURE ? Map.of("api-key", apiKey.orElseThrow()) : Map.of();
  }

  /** Query parameters on every request. */
  Map<String, String> queryParams() {
    return apiVersion.map(v -> Map.of("api-version", v)).orElse(Map.of());
  }

  /** The bearer key LangChain4j sends; Azure uses the {@code api-key} header instead. */
  Optional<String> bearerKey() {
    return kind == ProviderKind.AZURE ? Optional.empty() : apiKey;
  }

  /** A one-line description without secrets. */
  String describe() {
    return name + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ", model " + model + " at " + baseUrl
        + apiVersion.map(v -> "?api-version=" + v).orElse("") + (apiKey.isPresent() ? "" : ", no API key") + ")";
  }

  @Override
  public String toString() {
    return "ProviderSettings[" + describe() + "]";
  }

  private static String trimSlash(String url) {
    Objects.requireNonNull(url, "url must not be null");
    String trimmed = url.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }

  private static void requirePositive(Duration d, String field) {
    Objects.requireNonNull(d, field + " must not be null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be positive but was " + d);
    }
  }
}
