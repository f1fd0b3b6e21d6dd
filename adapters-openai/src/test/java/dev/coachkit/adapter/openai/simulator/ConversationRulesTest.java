package dev.coachkit.adapter.openai.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConversationRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode request(String messages) throws Exception {
    return JSON.readTree("{\"model\":\"gpt-4o-mini\",\"messages\":" + messages + "}");
  }

  private static final String CALL = "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
      + "{\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}},"
      + "{\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}]}";

  @Test
  void givenEveryToolCallAnswered_check_findsNothing() throws Exception {
    JsonNode request = request("[{\"role\":\"user\",\"content\":\"hi\"}," + CALL
        + ",{\"role\":\"tool\",\"tool_call_id\":\"call_b\",\"content\":\"1\"}"
        + ",{\"role\":\"tool\",\"tool_call_id\":\"call_a\",\"content\":\"2\"}"
        + ",{\"role\":\"assistant\",\"content\":\"done\"}]");

    assertThat(ConversationRules.check(request)).isEmpty();
  }

  @Test
  void givenOneToolCallUnanswered_check_namesTheMissingId() throws Exception {
    JsonNode request = request("[{\"role\":\"user\",\"content\":\"hi\"}," + CALL
        + ",{\"role\":\"tool\",\"tool_call_id\":\"call_a\",\"content\":\"2\"}]");

    assertThat(ConversationRules.check(request)).singleElement().satisfies(v -> {
      assertThat(v.instanceLocation()).isEqualTo("/messages/1");
      assertThat(v.keyword()).isEqualTo("tool_call_pairing");
      assertThat(v.message()).endsWith("did not have response messages: call_b");
    });
  }

  @Test
  void givenToolMessageWithoutAPrecedingCall_check_namesTheToolMessage() throws Exception {
    JsonNode request = request("[{\"role\":\"user\",\"content\":\"hi\"},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"call_x\",\"content\":\"2\"}]");

    assertThat(ConversationRules.check(request)).singleElement()
        .satisfies(v -> assertThat(v.instanceLocation()).isEqualTo("/messages/1"));
  }

  @Test
  void givenStrictResponseFormatWithOpenNestedObject_check_reportsBothRules() throws Exception {
    JsonNode request = JSON.readTree("""
        {"model":"m","messages":[{"role":"user","content":"x"}],
         "response_format":{"type":"json_schema","json_schema":{"name":"plan","strict":true,"schema":{
           "type":"object","additionalProperties":false,"required":["week"],
           "properties":{"week":{"type":"object","properties":{"days":{"type":"integer"}}}}}}}}""");

    assertThat(ConversationRules.check(request))
        .extracting(ContractViolation::instanceLocation, ContractViolation::keyword)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("/response_format/json_schema/schema/properties/week", "strict_schema"),
            org.assertj.core.groups.Tuple.tuple("/response_format/json_schema/schema/properties/week", "strict_schema"));
  }

  @Test
  void givenNonStrictResponseFormat_check_acceptsAnOpenSchema() throws Exception {
    JsonNode request = JSON.readTree("""
        {"model":"m","messages":[{"role":"user","content":"x"}],
         "response_format":{"type":"json_schema","json_schema":{"name":"plan","schema":{
           "type":"object","properties":{"days":{"type":"integer"}}}}}}""");

    assertThat(ConversationRules.check(request)).isEmpty();
  }

  @Test
  void givenStrictFunctionWithOptionalParameter_check_namesTheParameter() throws Exception {
    JsonNode request = JSON.readTree("""
        {"model":"m","messages":[{"role":"user","content":"x"}],
         "tools":[{"type":"function","function":{"name":"create_workout_plan","strict":true,"parameters":{
           "type":"object","additionalProperties":false,"required":["days"],
           "properties":{"days":{"type":"integer"},"focus":{"type":"string"}}}}}]}""");

    assertThat(ConversationRules.check(request)).singleElement().satisfies(v -> {
      assertThat(v.instanceLocation()).isEqualTo("/tools/0/function/parameters");
      assertThat(v.message()).contains("function 'create_workout_plan'").contains("Missing 'focus'");
    });
  }
}
