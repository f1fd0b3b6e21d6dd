package dev.coachkit.adapter.openai.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rules the real Chat Completions API enforces (answering 400 {@code invalid_request_error}) that the OpenAPI schema
 * cannot express. Each message below is the API's own wording where it is known.
 *
 * <ul>
 *   <li>{@code tool_call_pairing}: an assistant message with {@code tool_calls} must be followed by one {@code tool}
 *       message per call id, and a {@code tool} message must answer a call of the assistant message before it.</li>
 *   <li>{@code strict_schema}: with {@code strict: true} (structured outputs, for {@code response_format}
 *       {@code json_schema} and for function {@code parameters}) every object must set
 *       {@code additionalProperties: false} and list every property in {@code required}.</li>
 * </ul>
 */
public final class ConversationRules {

  private ConversationRules() {
  }

  /** The violations of {@code request} (a parsed {@code CreateChatCompletionRequest}). */
  public static List<ContractViolation> check(JsonNode request) {
    List<ContractViolation> violations = new ArrayList<>();
    checkToolCallPairing(request.path("messages"), violations);
    JsonNode format = request.path("response_format");
    if ("json_schema".equals(format.path("type").asText())
        && format.path("json_schema").path("strict").asBoolean(false)) {
      checkStrictSchema(format.path("json_schema").path("schema"), "/response_format/json_schema/schema",
          "response_format '" + format.path("json_schema").path("name").asText() + "'", "()", violations);
    }
    JsonNode tools = request.path("tools");
    for (int i = 0; i < tools.size(); i++) {
      JsonNode function = tools.get(i).path("function");
      if (function.path("strict").asBoolean(false) && function.has("parameters")) {
        checkStrictSchema(function.path("parameters"), "/tools/" + i + "/function/parameters",
            "function '" + function.path("name").asText() + "'", "()", violations);
      }
    }
    return List.copyOf(violations);
  }

  private static void checkToolCallPairing(JsonNode messages, List<ContractViolation> violations) {
    Set<String> open = new LinkedHashSet<>();
    int openedAt = -1;
    for (int i = 0; i < messages.size(); i++) {
      JsonNode message = messages.get(i);
      String role = message.path("role").asText();
      if ("tool".equals(role)) {
        String id = message.path("tool_call_id").asText();
        if (!open.remove(id)) {
          violations.add(new ContractViolation("/messages/" + i, "tool_call_pairing",
              "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with "
                  + "'tool_calls'. (tool_call_id '" + id + "')"));
        }
        continue;
      }
      if (!open.isEmpty()) {
        violations.add(unanswered(openedAt, open));
        open.clear();
      }
      if ("assistant".equals(role)) {
        for (JsonNode call : message.path("tool_calls")) {
          open.add(call.path("id").asText());
        }
        openedAt = i;
      }
    }
    if (!open.isEmpty()) {
      violations.add(unanswered(openedAt, open));
    }
  }

  private static ContractViolation unanswered(int index, Set<String> ids) {
    return new ContractViolation("/messages/" + index, "tool_call_pairing",
        "An assistant message with 'tool_calls' must be followed by tool messages responding to each "
            + "'tool_call_id'. The following tool_call_ids did not have response messages: " + String.join(", ", ids));
  }

  private static void checkStrictSchema(JsonNode schema, String location, String owner, String context,
      List<ContractViolation> violations) {
    if (!schema.isObject()) {
      return;
    }
    boolean isObject = "object".equals(schema.path("type").asText())
        || (schema.path("type").isArray() && schema.path("type").toString().contains("\"object\""))
        || schema.has("properties");
    if (isObject) {
      if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").asBoolean()) {
        violations.add(new ContractViolation(location, "strict_schema", "Invalid schema for " + owner
            + ": In context=" + context + ", 'additionalProperties' is required to be supplied and to be false."));
      }
      Set<String> required = new LinkedHashSet<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!required.contains(name)) {
          violations.add(new ContractViolation(location, "strict_schema", "Invalid schema for " + owner
              + ": In context=" + context + ", 'required' is required to be supplied and to be an array including "
              + "every key in properties. Missing '" + name + "'."));
        }
      }
    }
    schema.path("properties").fields().forEachRemaining(e -> checkStrictSchema(e.getValue(),
        location + "/properties/" + e.getKey(), owner, context + ", ('properties', '" + e.getKey() + "')",
        violations));
    if (schema.has("items")) {
      checkStrictSchema(schema.path("items"), location + "/items", owner, context + ", 'items'", violations);
    }
    for (String keyword : List.of("anyOf", "allOf", "oneOf")) {
      JsonNode branches = schema.path(keyword);
      for (int i = 0; i < branches.size(); i++) {
        checkStrictSchema(branches.get(i), location + "/" + keyword + "/" + i, owner,
            context + ", ('" + keyword + "', " + i + ")", violations);
      }
    }
    for (String keyword : List.of("$defs", "definitions")) {
      schema.path(keyword).fields().forEachRemaining(e -> checkStrictSchema(e.getValue(),
          location + "/" + keyword + "/" + e.getKey(), owner, context + ", ('" + keyword + "', '" + e.getKey()
              + "')", violations));
    }
  }
}
