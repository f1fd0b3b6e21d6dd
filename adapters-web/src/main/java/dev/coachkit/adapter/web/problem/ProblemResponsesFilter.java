package dev.coachkit.adapter.web.problem;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem responses of every {@code /api/coach} operation: 400 and 401 everywhere, 413 where a body
 * is read, 404 where a path names an id, 429 and 503 where a model is called. Registered with
 * {@code mp.openapi.filter}.
 */
public class ProblemResponsesFilter implements OASFilter {

  private static final String SCHEMA = "ProblemDetail";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    if (openAPI.getComponents().getSchemas() == null || !openAPI.getComponents().getSchemas().containsKey(SCHEMA)) {
      openAPI.getComponents().addSchema(SCHEMA, problemSchema());
    }
    for (Map.Entry<String, PathItem> entry : openAPI.getPaths().getPathItems().entrySet()) {
      String path = entry.getKey();
      if (!path.startsWith("/api/coach") || path.startsWith("/api/coach/voice")) {
        continue;
      }
      for (Map.Entry<PathItem.HttpMethod, Operation> op : entry.getValue().getOperations().entrySet()) {
        Operation operation = op.getValue();
        APIResponses responses = operation.getResponses();
        if (responses == null) {
          responses = OASFactory.createAPIResponses();
          operation.setResponses(responses);
        }
        add(responses, "400", "Invalid request (validation, malformed JSON, wrong types, unknown enum values)");
        add(responses, "401", "No valid bearer token");
        if (operation.getRequestBody() != null) {
          add(responses, "413", "Request body too large");
        }
        if (path.contains("{")) {
          add(responses, "404", "No such resource for this user (another user's ids answer 404 too)");
        }
        boolean callsModel = path.equals("/api/coach/chat") || path.equals("/api/coach/chat/stream")
            || path.endsWith("/generate");
        if (callsModel || path.equals("/api/coach/goals")) {
          add(responses, "404", "An id in the body names nothing of this user's");
        }
        if (callsModel) {
          add(responses, "422", "The request cannot be carried out (e.g. unsafe plan parameters, content filtered)");
          add(responses, "429", "Daily budget or rate limit exceeded; see Retry-After");
          add(responses, "503", "No model provider configured (the detail says how to configure one), or the"
              + " provider is unavailable");
        }
        if (path.equals("/api/coach/chat") || path.equals("/api/coach/chat/stream")) {
          add(responses, "409", "A retry of a turn that is still in flight; see Retry-After");
        }
      }
    }
  }

  private static void add(APIResponses responses, String code, String description) {
    if (responses.hasAPIResponse(code)) {
      return;
    }
    responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description)
        .content(OASFactory.createContent().addMediaType(Problems.PROBLEM_JSON, OASFactory.createMediaType()
            .schema(OASFactory.createSchema().ref("#/components/schemas/" + SCHEMA)))));
  }

  private static Schema problemSchema() {
    Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
        .addProperty("field", string).addProperty("message", string);
    return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
        .description("RFC 9457 problem details (application/problem+json)")
        .addProperty("type", string).addProperty("title", string)
        .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
        .addProperty("detail", string).addProperty("instance", string)
        .addProperty("reason", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
            .description("Refusal reason of a refused request, e.g. BUDGET_EXCEEDED"))
        .addProperty("retryAfterSeconds", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
        .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation));
  }
}
