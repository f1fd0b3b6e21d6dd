package dev.coachkit.adapter.openai.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RequestFactsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOOLS = "[{\"type\":\"function\",\"function\":{\"name\":\"get_progress\","
      + "\"description\":\"The user's progress\",\"parameters\":{\"type\":\"object\",\"properties\":{\"days\":"
      + "{\"type\":\"integer\"}},\"required\":[\"days\"],\"additionalProperties\":false},\"strict\":true}}]";

  @Test
  void aCompactRequest_scansToWhatItsJsonTreeSays() throws Exception {
    String body = "{\"model\":\"gpt-4.1-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a coach.\"},"
        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hola, ¿qué tal?\"}]},"
        + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
        + "\"function\":{\"name\":\"get_progress\",\"arguments\":\"{\\\"days\\\":7}\"}}]},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"{\\\"kg\\\":70}\"}],"
        + "\"stream\":true,\"stream_options\":{\"include_usage\":true,\"include_obfuscation\":false},"
        + "\"temperature\":0.7,\"tools\":" + TOOLS + ",\"parallel_tool_calls\":false}";

    RequestFacts facts = RequestFacts.scan(body);

    JsonNode tree = JSON.readTree(body);
    int promptChars = tree.path("tools").toString().length();
    for (JsonNode message : tree.path("messages")) {
      JsonNode content = message.path("content");
      promptChars += content.isTextual() ? content.asText().length() : content.toString().length();
    }
    assertThat(facts).isEqualTo(new RequestFacts("gpt-4.1-mini", true, true, false, 4, promptChars));
  }

  @Test
  void aRequestWithoutTheOptionalFields_scansToTheDefaults() {
    RequestFacts facts = RequestFacts.scan("{\"messages\":[{\"role\":\"user\"}, 3]}");

    assertThat(facts).isEqualTo(new RequestFacts("gpt-4o-mini", false, false, true, 2, 0));
  }

  @Test
  void aBodyThatIsNotJson_scansToNull_andJsonThatIsNotAnObject_toTheDefaults() {
    assertThat(RequestFacts.scan("{\"model\": ")).isNull();
    assertThat(RequestFacts.scan("not json")).isNull();
    assertThat(RequestFacts.scan("  ")).isNull();
    assertThat(RequestFacts.scan("[1, {\"stream\": true}]"))
        .isEqualTo(new RequestFacts("gpt-4o-mini", false, false, true, 0, 0));
  }
}
