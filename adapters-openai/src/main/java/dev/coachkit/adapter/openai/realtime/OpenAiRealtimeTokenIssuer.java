package dev.coachkit.adapter.openai.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coachkit.adapter.openai.OpenAiConfig;
import dev.coachkit.adapter.openai.OpenAiConfig.RealtimeProtocol;
import dev.coachkit.adapter.openai.realtime.internal.ClientEvents;
import dev.coachkit.adapter.openai.realtime.internal.Failures;
import dev.coachkit.adapter.openai.realtime.internal.RealtimeEndpoints;
import dev.coachkit.adapter.openai.realtime.internal.RealtimeSettings;
import dev.coachkit.ports.model.model.ModelFailure.Kind;
import dev.coachkit.ports.model.realtime.EphemeralToken;
import dev.coachkit.ports.model.realtime.RealtimeSessionConfig;
import dev.coachkit.ports.out.realtime.RealtimeTokenIssuer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Ephemeral client secrets from the GA endpoint {@code POST /v1/realtime/client_secrets} (Azure:
 * {@code {endpoint}/openai/v1/realtime/client_secrets} with {@code api-key}), bound to the GA session configuration;
 * the token's call URL is where the browser posts its WebRTC offer ({@code …/realtime/calls}). The server's API key
 * only ever goes to the provider: a response that echoes it is refused. Always GA, whatever the configured protocol.
 */
public final class OpenAiRealtimeTokenIssuer implements RealtimeTokenIssuer {

  /** The client-secret lifetimes OpenAI accepts. */
  public static final Duration MIN_TTL = Duration.ofSeconds(10);
  public static final Duration MAX_TTL = Duration.ofSeconds(7_200);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RealtimeSettings settings;
  private final HttpClient http;

  /** From the {@code coach.openai.*} configuration. */
  public OpenAiRealtimeTokenIssuer(OpenAiConfig config) {
    this(RealtimeSettings.from(config));
  }

  /** From plain settings. */
  public OpenAiRealtimeTokenIssuer(RealtimeSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
    this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
  }

  /** @throws IllegalArgumentException when {@code ttl} is outside 10 s .. 2 h (OpenAI's limits) */
  @Override
  public EphemeralToken issue(RealtimeSessionConfig config, Duration ttl) {
    Objects.requireNonNull(config, "config must not be null");
    Objects.requireNonNull(ttl, "ttl must not be null");
    if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
      throw new IllegalArgumentException("ttl must be between 10s and 2h but was " + ttl);
    }
    if (!settings.configured()) {
      throw Failures.notConfigured(settings);
    }
    RealtimeEndpoints endpoints = settings.endpoints().get();
    ObjectNode body = JSON.createObjectNode();
    body.putObject("expires_after").put("anchor", "created_at").put("seconds", ttl.toSeconds());
    body.set("session", ClientEvents.gaSession(config, endpoints.deployment(config.model())));
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoints.clientSecrets())
        .timeout(settings.requestTimeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    endpoints.headers(RealtimeProtocol.GA).forEach(request::header);
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw Failures.of(Kind.TIMEOUT, "POST " + endpoints.clientSecrets() + " timed out", e);
    } catch (IOException e) {
      throw Failures.of(Kind.UNAVAILABLE, "cannot reach " + endpoints.clientSecrets() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.of(Kind.INTERRUPTED, "interrupted while issuing a realtime client secret", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw Failures.forHttp(response.statusCode(), "POST " + endpoints.clientSecrets(), response.body(),
          response.headers().firstValue("Retry-After").flatMap(OpenAiRealtimeTokenIssuer::seconds));
    }
    JsonNode secret;
    try {
      secret = JSON.readTree(response.body());
    } catch (IOException e) {
      throw Failures.of(Kind.UNAVAILABLE, "the client secret answer is not JSON", e);
    }
    // GA answers {value, expires_at}; the older shape nests them in client_secret
    JsonNode holder = secret.has("value") ? secret : secret.path("client_secret");
    String value = holder.path("value").asText("");
    long expiresAt = holder.path("expires_at").asLong(0);
    if (value.isBlank() || expiresAt <= 0) {
      throw Failures.of(Kind.UNAVAILABLE, "the client secret answer has no value or expires_at", null);
    }
    if (value.equals(endpoints.apiKey())) {
      throw Failures.of(Kind.REJECTED_REQUEST, "the provider returned the server's API key as a client secret;"
          + " refusing to hand it to a client", null);
    }
    return new EphemeralToken(value, Instant.ofEpochSecond(expiresAt), endpoints.calls());
  }

  /** Whether an API key (and for Azure an endpoint) is configured. */
  public boolean isConfigured() {
    return settings.configured();
  }

  @Override
  public String toString() {
    return "OpenAiRealtimeTokenIssuer[" + settings.describe() + "]";
  }

  private static Optional<Duration> seconds(String header) {
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
