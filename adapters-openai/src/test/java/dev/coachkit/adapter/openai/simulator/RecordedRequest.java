package dev.coachkit.adapter.openai.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request the simulator received: method, path, raw query, headers (names in lower case), the raw body and its
 * parsed JSON (a {@code MissingNode} if it was not JSON), the Azure deployment if the Azure path was used, and every
 * contract violation found in it (schema violations, and {@code script} violations where the scripted reply cannot be
 * an answer to this request).
 */
public record RecordedRequest(
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    String rawBody,
    JsonNode body,
    Optional<String> deployment,
    List<ContractViolation> violations,
    Instant receivedAt) {

  public RecordedRequest {
    headers = Map.copyOf(headers);
    violations = List.copyOf(violations);
  }

  /** The first value of a header, case-insensitively. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Whether the body asked for {@code stream: true}. */
  public boolean isStream() {
    return body.path("stream").asBoolean(false);
  }

  public boolean isAzure() {
    return deployment.isPresent();
  }

  /** The {@code messages} array of the body. */
  public JsonNode messages() {
    return body.path("messages");
  }

  /** The {@code role} of the last message, or empty. */
  public Optional<String> lastMessageRole() {
    JsonNode messages = messages();
    return messages.isArray() && messages.size() > 0
        ? Optional.of(messages.get(messages.size() - 1).path("role").asText())
        : Optional.empty();
  }
}
