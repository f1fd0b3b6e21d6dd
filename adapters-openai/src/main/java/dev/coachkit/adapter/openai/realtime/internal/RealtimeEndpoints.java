package dev.coachkit.adapter.openai.realtime.internal;

import dev.coachkit.adapter.openai.OpenAiConfig.ProviderKind;
import dev.coachkit.adapter.openai.OpenAiConfig.RealtimeProtocol;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach a Realtime API: OpenAI ({@code wss://api.openai.com/v1/realtime?model=…}, bearer key) or
 * Azure OpenAI (beta {@code /openai/realtime?api-version=…&deployment=…}, GA {@code /openai/v1/realtime?model=…},
 * {@code api-key} header). The key never appears in {@link #toString()} or {@link #describe()}.
 *
 * @param httpBase {@code https://api.openai.com/v1} (OpenAI) or {@code https://<resource>.openai.azure.com/openai}
 * @param wsBase {@code wss://api.openai.com/v1} (OpenAI) or {@code wss://<resource>.openai.azure.com/openai}
 */
public record RealtimeEndpoints(ProviderKind kind, String httpBase, String wsBase, String apiKey,
    Optional<String> azureDeployment, String azureApiVersion) {

  public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

  public RealtimeEndpoints {
    Objects.requireNonNull(kind, "kind must not be null");
    if (kind == ProviderKind.COMPATIBLE) {
      throw new IllegalArgumentException("kind must be openai or azure");
    }
    httpBase = trimSlash(httpBase, "httpBase");
    wsBase = trimSlash(wsBase, "wsBase");
    if (!httpBase.startsWith("http://") && !httpBase.startsWith("https://")) {
      throw new IllegalArgumentException("httpBase must be an http(s) URL but was '" + httpBase + "'");
    }
    if (!wsBase.startsWith("ws://") && !wsBase.startsWith("wss://")) {
      throw new IllegalArgumentException("wsBase must be a ws(s) URL but was '" + wsBase + "'");
    }
    Objects.requireNonNull(apiKey, "apiKey must not be null");
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be blank");
    }
    Objects.requireNonNull(azureDeployment, "azureDeployment must not be null");
    Objects.requireNonNull(azureApiVersion, "azureApiVersion must not be null");
  }

  /** OpenAI (or a proxy of it) under an HTTP base such as {@code https://api.openai.com/v1}. */
  public static RealtimeEndpoints openAi(String httpBase, Optional<String> wsBase, String apiKey) {
    String http = trimSlash(httpBase, "baseUrl");
    return new RealtimeEndpoints(ProviderKind.OPENAI, http, wsBase.orElseGet(() -> toWs(http)), apiKey,
        Optional.empty(), "");
  }

  /** Azure OpenAI at a resource endpoint such as {@code https://my-resource.openai.azure.com}. */
  public static RealtimeEndpoints azure(String endpoint, Optional<String> wsBase, String apiKey,
      Optional<String> deployment, String apiVersion) {
    String http = trimSlash(endpoint, "endpoint") + "/openai";
    return new RealtimeEndpoints(ProviderKind.AZURE, http, wsBase.orElseGet(() -> toWs(http)), apiKey, deployment,
        apiVersion);
  }

  /** The WebSocket URL of a new session. */
  public URI session(String model, RealtimeProtocol protocol) {
    if (kind == ProviderKind.AZURE) {
      String deployment = deployment(model);
      return protocol == RealtimeProtocol.BETA
          ? URI.create(wsBase + "/realtime?api-version=" + enc(azureApiVersion) + "&deployment=" + enc(deployment))
          : URI.create(wsBase + "/v1/realtime?model=" + enc(deployment));
    }
    return URI.create(wsBase + "/realtime?model=" + enc(model));
  }

  /** The WebSocket URL that attaches to an existing call (sideband; GA only). */
  public URI sideband(String callId) {
    return URI.create(wsBase + (kind == ProviderKind.AZURE ? "/v1" : "") + "/realtime?call_id=" + enc(callId));
  }

  /** {@code POST} here for an ephemeral client secret (GA). */
  public URI clientSecrets() {
    return URI.create(httpBase + (kind == ProviderKind.AZURE ? "/v1" : "") + "/realtime/client_secrets");
  }

  /** Where a browser posts its WebRTC offer with an ephemeral secret (GA). */
  public URI calls() {
    return URI.create(httpBase + (kind == ProviderKind.AZURE ? "/v1" : "") + "/realtime/calls");
  }

  /** The model name the API expects: the Azure deployment when one is configured, else the session's model. */
  public String deployment(String model) {
    return kind == ProviderKind.AZURE ? azureDeployment.orElse(model) : model;
  }

  /** Handshake and request headers: the credential, and the beta header for the beta protocol. */
  public Map<String, String> headers(RealtimeProtocol protocol) {
    Map<String, String> h = new LinkedHashMap<>();
    if (kind == ProviderKind.AZURE) {
      h.put("api-key", apiKey);
    } else {
      h.put("Authorization", "Bearer " + apiKey);
    }
    if (protocol == RealtimeProtocol.BETA) {
      h.put("OpenAI-Beta", "realtime=v1");
    }
    return h;
  }

  /** A description without the key. */
  public String describe() {
    return kind.name().toLowerCase(Locale.ROOT) + " at " + wsBase
        + azureDeployment.map(d -> ", deployment " + d).orElse("");
  }

  @Override
  public String toString() {
    return "RealtimeEndpoints[" + describe() + "]";
  }

  private static String toWs(String http) {
    if (http.startsWith("https://")) {
      return "wss://" + http.substring("https://".length());
    }
    if (http.startsWith("http://")) {
      return "ws://" + http.substring("http://".length());
    }
    throw new IllegalArgumentException("base URL must be an http(s) URL but was '" + http + "'");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String trimSlash(String url, String field) {
    Objects.requireNonNull(url, field + " must not be null");
    String t = url.strip();
    while (t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    if (t.isEmpty()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return t;
  }
}
