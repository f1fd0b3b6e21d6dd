package dev.coachkit.adapter.openai.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.model.ToolSpec;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementUtils;
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
}
