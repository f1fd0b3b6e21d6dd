package dev.coachkit.adapter.openai.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapter.openai.simulator.OpenAiSimulator;
import dev.coachkit.adapter.openai.simulator.SimulatedReply;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.model.ModelMessage;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.coachkit.ports.model.model.ToolSpec;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatMappingTest {

  private static final String STRICT_SCHEMA = """
      {"type":"object","properties":{"days":{"type":"integer","minimum":1}},"required":["days"],
       "additionalProperties":false}""";

  @Test
  void givenTheSameToolTwice_toToolSpecification_reusesTheConvertedSpecification() {
    ToolSpec first = new ToolSpec("get_progress", "Progress of the user", Json.parseObject(STRICT_SCHEMA));
    ToolSpec equalCopy = new ToolSpec("get_progress", "Progress of the user", Json.parseObject(STRICT_SCHEMA));

    ToolSpecification converted = ChatMapping.toToolSpecification(first, true);

    assertThat(ChatMapping.toToolSpecification(equalCopy, true)).isSameAs(converted);
    assertThat(converted.name()).isEqualTo("get_progress");
    assertThat(converted.description()).isEqualTo("Progress of the user");
    assertThat(converted.strict()).isTrue();
    assertThat(JsonSchemaElementUtils.toMap(converted.parameters(), false).get("properties").toString())
        .contains("minimum=1");
  }

  @Test
  void givenToolsThatDiffer_toToolSpecification_convertsEachOnItsOwn() {
    ToolSpec tool = new ToolSpec("get_progress", "Progress of the user", Json.parseObject(STRICT_SCHEMA));
    ToolSpec otherDescription = new ToolSpec("get_progress", "Another text", Json.parseObject(STRICT_SCHEMA));

    ToolSpecification strict = ChatMapping.toToolSpecification(tool, true);
    ToolSpecification notStrict = ChatMapping.toToolSpecification(tool, false);
    ToolSpecification other = ChatMapping.toToolSpecification(otherDescription, true);

    assertThat(notStrict).isNotSameAs(strict);
    assertThat(notStrict.strict()).isFalse();
    assertThat(other.description()).isEqualTo("Another text");
    assertThat(strict.description()).isEqualTo("Progress of the user");
  }

  /** Tools with every schema feature the domain's tools use, strict-compatible and not. */
  private static List<ToolSpec> assortedTools() {
    return List.of(
        new ToolSpec("get_progress", "Progress of the user", Json.parseObject(STRICT_SCHEMA)),
        new ToolSpec("log_workout", "Records a workout.", Json.parseObject("""
            {"type":"object","description":"What was done","properties":{
              "minutes":{"type":"integer","minimum":1},
              "notes":{"type":"string","maxLength":500},
              "kind":{"type":"string","enum":["run","lift","swim"]}},
             "required":["minutes"]}""")),
        new ToolSpec("create_plan", "Creates a plan.", Json.parseObject("""
            {"type":"object","properties":{
              "sessions":{"type":"array","minItems":1,"items":{"$ref":"#/$defs/session"}},
              "note":{"type":["string","null"]}},
             "required":["sessions","note"],"additionalProperties":false,
             "$defs":{"session":{"type":"object","properties":{
               "day":{"type":"string","format":"date"},
               "exercises":{"type":"array","items":{"type":"string"}}},
              "required":["day","exercises"],"additionalProperties":false}}}""")),
        new ToolSpec("no_arguments", "Takes nothing.", Json.parseObject("""
            {"type":"object","properties":{},"additionalProperties":false}""")));
  }

  @Test
  void givenTools_toChatRequest_sendsTheToolsLangChain4jSendsForTheirSpecifications() {
    for (boolean strictTools : List.of(true, false)) {
      try (OpenAiSimulator simulator = OpenAiSimulator.start()) {
        simulator.setDefaultReply(SimulatedReply.text("ok"));
        ChatModel langChain4j = OpenAiChatModel.builder()
            .baseUrl(simulator.baseUrl())
            .apiKey(simulator.apiKey())
            .modelName("gpt-4o-mini")
            .strictTools(false)
            .maxRetries(0)
            .build();
        List<ToolSpec> tools = assortedTools();
        // LangChain4j's own way: the specifications as tool specifications of the request.
        langChain4j.chat(ChatRequest.builder()
            .messages(UserMessage.from("hello"))
            .parameters(OpenAiChatRequestParameters.builder()
                .modelName("gpt-4o-mini")
                .toolSpecifications(tools.stream().map(t -> ChatMapping.toToolSpecification(t, strictTools)).toList())
                .build())
            .build());
        // The adapter's way.
        ModelRequest request = new ModelRequest("Be brief.", List.of(new ModelMessage.UserText("hello")), tools,
            Optional.empty(), 100);
        langChain4j.chat(ChatMapping.toChatRequest(request, ProviderSettings.openAi("primary", simulator.baseUrl(),
            simulator.apiKey(), "gpt-4o-mini", Duration.ofSeconds(2), Duration.ofSeconds(5)), strictTools));

        JsonNode expected = simulator.requests().get(0).body().path("tools");
        JsonNode sent = simulator.requests().get(1).body().path("tools");
        assertThat(expected.size()).as("strict tools %s", strictTools).isEqualTo(4);
        assertThat(sent).as("strict tools %s", strictTools).isEqualTo(expected);
        assertThat(sent.get(0).path("function").path("strict").asBoolean(false)).isEqualTo(strictTools);
        assertThat(sent.get(1).path("function").has("strict")).isFalse();
        assertThat(simulator.requests().get(1).rawBody().split("\"tools\"", -1)).hasSize(2);
        simulator.verifyNoProblems();
      }
    }
  }

  @Test
  void givenNoTools_toChatRequest_sendsNoToolsMember() {
    try (OpenAiSimulator simulator = OpenAiSimulator.start()) {
      simulator.setDefaultReply(SimulatedReply.text("ok"));
      ChatModel langChain4j = OpenAiChatModel.builder().baseUrl(simulator.baseUrl()).apiKey(simulator.apiKey())
          .modelName("gpt-4o-mini").maxRetries(0).build();
      ModelRequest request = new ModelRequest("Be brief.", List.of(new ModelMessage.UserText("hello")), List.of(),
          Optional.empty(), 100);

      langChain4j.chat(ChatMapping.toChatRequest(request, ProviderSettings.openAi("primary", simulator.baseUrl(),
          simulator.apiKey(), "gpt-4o-mini", Duration.ofSeconds(2), Duration.ofSeconds(5)), true));

      assertThat(simulator.lastRequest().body().has("tools")).isFalse();
      simulator.verifyNoProblems();
    }
  }
}
