package dev.coachkit.adapter.openai.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.json.Json;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaMappingTest {

  @Test
  void givenNestedSchema_toolParameters_keepsEveryKeywordBelowTheTopLevel() {
    String schema = """
        {"type":"object","description":"args","properties":{
          "exercises":{"type":"array","minItems":1,"items":{"$ref":"#/$defs/exercise"}}},
         "required":["exercises"],
         "$defs":{"exercise":{"type":"object","properties":{"name":{"type":"string","pattern":"^[a-z]+$"}},
           "required":["name"],"additionalProperties":false}}}""";

    JsonObjectSchema mapped = SchemaMapping.toolParameters(Json.parseObject(schema));
    Map<String, Object> sent = JsonSchemaElementUtils.toMap(mapped, false);

    assertThat(sent).containsEntry("description", "args").containsEntry("required", java.util.List.of("exercises"));
    assertThat(sent.get("properties").toString()).contains("minItems=1").contains("$ref=#/$defs/exercise");
    assertThat(sent.get("$defs").toString()).contains("pattern=^[a-z]+$").contains("additionalProperties=false");
  }

  @Test
  void givenSchemas_isStrictCompatible_followsTheStructuredOutputsRules() {
    assertThat(SchemaMapping.isStrictCompatible(Json.parse("""
        {"type":"object","properties":{"a":{"type":"object","properties":{"b":{"type":"string"}},
         "required":["b"],"additionalProperties":false}},"required":["a"],"additionalProperties":false}""")))
        .isTrue();
    assertThat(SchemaMapping.isStrictCompatible(Json.parse("""
        {"type":"object","properties":{"a":{"type":"string"}},"required":[],"additionalProperties":false}""")))
        .as("an optional property").isFalse();
    assertThat(SchemaMapping.isStrictCompatible(Json.parse("""
        {"type":"object","properties":{"a":{"type":"object","properties":{}}},"required":["a"],
         "additionalProperties":false}"""))).as("a nested open object").isFalse();
    assertThat(SchemaMapping.isStrictCompatible(Json.parse("""
        {"type":"object","properties":{"a":{"type":"array","items":{"type":"object","properties":{"x":{}},
         "required":["x"]}}},"required":["a"],"additionalProperties":false}"""))).as("an open item object").isFalse();
  }
}
