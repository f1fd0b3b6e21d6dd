package dev.coachkit.adapter.openai.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OpenApiContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REQUEST = "CreateChatCompletionRequest";

  private final OpenApiContract contract = OpenApiContract.official();

  private static ObjectNode validRequest() throws Exception {
    return (ObjectNode) JSON.readTree("""
        {"model":"gpt-4o-mini",
         "messages":[{"role":"system","content":"You are a coach."},{"role":"user","content":"Hi"}],
         "temperature":0.7,
         "max_completion_tokens":null,
         "stream":true,
         "stream_options":{"include_usage":true},
         "tools":[{"type":"function","function":{"name":"create_workout_plan","description":"d",
                   "parameters":{"type":"object","properties":{"days":{"type":"integer"}},"required":["days"]},
                   "strict":true}}],
         "tool_choice":"auto",
         "parallel_tool_calls":true,
         "response_format":{"type":"json_schema","json_schema":{"name":"plan","strict":true,
                   "schema":{"type":"object","properties":{"a":{"type":"string"}},"required":["a"],
                             "additionalProperties":false}}}}
        """);
  }

  @Test
  void givenRealisticRequest_validate_hasNoViolations() throws Exception {
    assertThat(contract.validate(REQUEST, validRequest())).isEmpty();
    assertThat(contract.validateClosed(REQUEST, validRequest())).isEmpty();
  }

  @Test
  void givenToolLoopMessages_validate_hasNoViolations() throws Exception {
    ObjectNode request = validRequest();
    request.set("messages", JSON.readTree("""
        [{"role":"developer","content":"Be brief."},
         {"role":"user","content":[{"type":"text","text":"Plan please"}]},
         {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
            "function":{"name":"create_workout_plan","arguments":"{\\"days\\":3}"}}]},
         {"role":"tool","tool_call_id":"call_1","content":"{\\"ok\\":true}"}]
        """));
    assertThat(contract.validateClosed(REQUEST, request)).isEmpty();
  }

  @Test
  void givenMessagesAsString_validate_namesMessages() throws Exception {
    ObjectNode request = validRequest();
    request.put("messages", "Hi");
    assertThat(contract.validate(REQUEST, request))
        .anySatisfy(v -> assertThat(v.instanceLocation()).isEqualTo("/messages"));
  }

  @Test
  void givenTemperatureAsString_validate_namesTemperature() throws Exception {
    ObjectNode request = validRequest();
    request.put("temperature", "hot");
    assertThat(contract.validate(REQUEST, request))
        .anySatisfy(v -> assertThat(v.instanceLocation()).isEqualTo("/temperature"));
  }

  @Test
  void givenTemperatureOutOfRange_validate_namesTemperature() throws Exception {
    ObjectNode request = validRequest();
    request.put("temperature", 3.5);
    assertThat(contract.validate(REQUEST, request))
        .anySatisfy(v -> assertThat(v.instanceLocation()).isEqualTo("/temperature"));
  }

  @Test
  void givenUnknownRole_validate_namesTheMessage() throws Exception {
    ObjectNode request = validRequest();
    request.set("messages", JSON.readTree("[{\"role\":\"coach\",\"content\":\"Hi\"}]"));
    assertThat(contract.validate(REQUEST, request))
        .anySatisfy(v -> assertThat(v.instanceLocation()).startsWith("/messages/0"));
  }

  @Test
  void givenToolMessageWithoutToolCallId_validate_namesTheMessage() throws Exception {
    ObjectNode request = validRequest();
    request.set("messages", JSON.readTree("[{\"role\":\"tool\",\"content\":\"{}\"}]"));
    assertThat(contract.validate(REQUEST, request))
        .anySatisfy(v -> assertThat(v.instanceLocation()).startsWith("/messages/0"));
  }

  @Test
  void givenMissingModel_validate_reportsRequiredModel() throws Exception {
    ObjectNode request = validRequest();
    request.remove("model");
    assertThat(contract.validate(REQUEST, request))
        .anySatisfy(v -> {
          assertThat(v.keyword()).isEqualTo("required");
          assertThat(v.message()).contains("model");
        });
  }

  @Test
  void givenInvalidResponseFormatType_validate_namesResponseFormat() throws Exception {
    ObjectNode request = validRequest();
    request.set("response_format", JSON.readTree("{\"type\":\"yaml\"}"));
    assertThat(contract.validate(REQUEST, request))
        .anySatisfy(v -> assertThat(v.instanceLocation()).startsWith("/response_format"));
  }

  @Test
  void givenNullForNonNullableField_validate_namesTheField() throws Exception {
    ObjectNode request = validRequest();
    request.putNull("model");
    assertThat(contract.validate(REQUEST, request))
        .anySatisfy(v -> assertThat(v.instanceLocation()).isEqualTo("/model"));
  }

  @Test
  void givenUnknownTopLevelField_validateOpenAndClosed_onlyClosedRejectsIt() throws Exception {
    ObjectNode request = validRequest();
    request.put("max_token", 100);
    assertThat(contract.validate(REQUEST, request)).isEmpty();
    assertThat(contract.validateClosed(REQUEST, request))
        .anySatisfy(v -> {
          assertThat(v.keyword()).isEqualTo("unevaluatedProperties");
          assertThat(v.message()).contains("max_token");
        });
  }

  @Test
  void givenErrorWithoutRequiredFields_validate_reportsThem() throws Exception {
    JsonNode error = JSON.readTree("{\"error\":{\"message\":\"x\"}}");
    assertThat(contract.validate("ErrorResponse", error))
        .extracting(ContractViolation::keyword).contains("required");
  }

  @Test
  void givenUnknownSchemaName_componentSchema_throws() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> contract.validate("NoSuchSchema", JSON.nullNode()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenContractDirProperty_contractDir_usesIt() {
    java.nio.file.Path found = OpenApiContract.contractDir();
    String previous = System.getProperty(OpenApiContract.CONTRACT_DIR_PROPERTY);
    try {
      System.setProperty(OpenApiContract.CONTRACT_DIR_PROPERTY, found.toString());
      assertThat(OpenApiContract.contractDir()).isEqualTo(found);
      assertThat(found.resolve(OpenApiContract.SPEC_FILE)).isRegularFile();
    } finally {
      restore(previous);
    }
  }

  @Test
  void givenContractDirPropertyWithoutSpec_contractDir_throwsNamingTheProperty(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path empty) {
    String previous = System.getProperty(OpenApiContract.CONTRACT_DIR_PROPERTY);
    try {
      System.setProperty(OpenApiContract.CONTRACT_DIR_PROPERTY, empty.toString());
      org.assertj.core.api.Assertions.assertThatThrownBy(OpenApiContract::contractDir)
          .isInstanceOf(IllegalStateException.class).hasMessageContaining(OpenApiContract.CONTRACT_DIR_PROPERTY);
    } finally {
      restore(previous);
    }
  }

  private static void restore(String previous) {
    if (previous == null) {
      System.clearProperty(OpenApiContract.CONTRACT_DIR_PROPERTY);
    } else {
      System.setProperty(OpenApiContract.CONTRACT_DIR_PROPERTY, previous);
    }
  }

  /** OpenAI's own examples for POST /chat/completions, taken from the spec's x-oaiMeta. */
  @Test
  void givenOfficialExamples_validate_onlyTheKnownSchemaLagsAreReported() throws Exception {
    JsonNode examples = contract.document().path("paths").path("/chat/completions").path("post")
        .path("x-oaiMeta").path("examples");
    assertThat(examples.isArray()).as("x-oaiMeta examples of POST /chat/completions").isTrue();
    int requests = 0;
    int responses = 0;
    int chunks = 0;
    List<String> problems = new ArrayList<>();
    Pattern curlBody = Pattern.compile("-d '(\\{.*\\})'", Pattern.DOTALL);
    for (JsonNode example : examples) {
      String title = example.path("title").asText();
      Matcher body = curlBody.matcher(example.path("request").path("curl").asText());
      if (body.find()) {
        ObjectNode request = (ObjectNode) JSON.readTree(body.group(1));
        requests++;
        contract.validateClosed(REQUEST, request).forEach(v -> problems.add(title + " request: " + v));
      }
      String response = example.path("response").asText();
      if (response.contains("chat.completion.chunk")) {
        for (String line : response.split("\n")) {
          if (line.startsWith("{")) {
            chunks++;
            contract.validate("CreateChatCompletionStreamResponse", line)
                .forEach(v -> problems.add(title + " chunk: " + v));
          }
        }
      } else if (response.startsWith("{")) {
        responses++;
        contract.validate("CreateChatCompletionResponse", response)
            .forEach(v -> problems.add(title + " response: " + v));
      }
    }
    // Two of OpenAI's older examples lag the current schema: their messages and logprobs lack `refusal`
    // (required since the refusal field was added) and one has "system_fingerprint": null (schema: string).
    // The validator must report exactly these and nothing else; the simulator always sends `refusal`.
    assertThat(problems).containsExactlyInAnyOrder(
        "Functions response: /choices/0/message [required] /choices/0/message: required property 'refusal' not found",
        "Logprobs response: /choices/0/logprobs [required] /choices/0/logprobs: required property 'refusal' not found",
        "Logprobs response: /choices/0/logprobs [type] /choices/0/logprobs: object found, null expected",
        "Logprobs response: /choices/0/message [required] /choices/0/message: required property 'refusal' not found",
        "Logprobs response: /system_fingerprint [type] /system_fingerprint: null found, string expected");
    assertThat(requests).isGreaterThanOrEqualTo(4);
    assertThat(responses).isGreaterThanOrEqualTo(4);
    assertThat(chunks).isGreaterThanOrEqualTo(3);
  }
}
