package dev.coachkit.adapter.openai.chat.internal;

import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.json.JsonString;
import dev.coachkit.ports.model.json.JsonValue;
import dev.langchain4j.exception.HttpException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP error answer of a provider, with the response headers LangChain4j's own {@link HttpException} drops
 * ({@code Retry-After}, {@code retry-after-ms}, {@code x-request-id}) and the OpenAI error body's code and message.
 * LangChain4j's exception mapper keeps it as the cause of the exception it throws.
 */
final class ProviderHttpException extends HttpException {
  private static final long serialVersionUID = 1L;

  private final transient Map<String, List<String>> headers;
  private final String body;

  ProviderHttpException(int statusCode, Map<String, List<String>> headers, String body) {
    super(statusCode, body == null ? "" : body);
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    this.headers = Map.copyOf(lower);
    this.body = body == null ? "" : body;
  }

  /** The first value of a header, case-insensitively. */
  Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  String body() {
    return body;
  }

  /** {@code error.code} of an OpenAI error body (e.g. {@code insufficient_quota}, {@code content_filter}). */
  Optional<String> errorCode() {
    return errorField("code");
  }

  /** {@code error.type} of an OpenAI error body. */
  Optional<String> errorType() {
    return errorField("type");
  }

  /** {@code error.message} of an OpenAI error body, else the raw body. */
  String errorMessage() {
    return errorField("message").orElse(body.isBlank() ? "(empty body)" : body);
  }

  private Optional<String> errorField(String field) {
    try {
      JsonValue parsed = Json.parse(body);
      if (parsed instanceof JsonObject object && object.members().get("error") instanceof JsonObject error
          && error.members().get(field) instanceof JsonString value) {
        return Optional.of(value.value());
      }
    } catch (IllegalArgumentException notJson) {
      // a proxy's HTML error page, say: no structured fields
    }
    return Optional.empty();
  }
}
