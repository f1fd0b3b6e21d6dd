package dev.coachkit.ports.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void givenEveryKind_parse_buildsTheMatchingTree() {
    JsonValue value =
        Json.parse(" {\"s\":\"x\", \"n\": -12.5e2, \"t\":true, \"f\":false, \"z\":null, \"a\":[1,[],{}]} ");

    assertThat(value)
        .isEqualTo(
            JsonObject.builder()
                .put("s", "x")
                .put("n", JsonNumber.of(new BigDecimal("-1250")))
                .put("t", true)
                .put("f", false)
                .put("z", JsonNull.INSTANCE)
                .put("a", JsonArray.of(JsonNumber.of(1), JsonArray.EMPTY, JsonObject.EMPTY))
                .build());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "null", "true", "false", "0", "-0", "1.5", "-1E+3", "1e-7", "\"\"", "\"a\\\"b\\\\c\\n\"", "[]", "{}",
        "[1,2,3]", "{\"a\":{\"b\":[null,{\"c\":\"d\"}]}}", "123456789012345678901234567890.000000000000000001"
      })
  void givenValidText_parseThenWriteThenParse_yieldsAnEqualValue(String text) {
    JsonValue first = Json.parse(text);

    JsonValue second = Json.parse(Json.write(first));

    assertThat(second).isEqualTo(first);
    assertThat(Json.write(second)).isEqualTo(Json.write(first));
  }

  @Test
  void givenCompactText_write_reproducesItExactly() {
    String text = "{\"b\":1,\"a\":[true,false,null],\"c\":\"\\u0001\\t\"}";

    assertThat(Json.write(Json.parse(text))).isEqualTo(text);
  }

  @Test
  void givenEscapes_parse_decodesThem() {
    JsonValue value = Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u20AC \\ud83d\\ude00\"");

    assertThat(value).isEqualTo(new JsonString("\" \\ / \b \f \n \r \t é € 😀"));
  }

  @Test
  void givenRawUnicode_parse_keepsItAndWriteEmitsItUnescaped() {
    JsonValue value = Json.parse("\"ñandú 😀 日本\"");

    assertThat(((JsonString) value).value()).isEqualTo("ñandú 😀 日本");
    assertThat(Json.write(value)).isEqualTo("\"ñandú 😀 日本\"");
  }

  @Test
  void givenControlCharacters_write_escapesThem() {
    assertThat(Json.write(new JsonString("a\u0000b\u001fc\"\\"))).isEqualTo("\"a\\u0000b\\u001fc\\\"\\\\\"");
  }

  @Test
  void givenNumbers_parse_keepsThemExactAsBigDecimal() {
    JsonNumber number = (JsonNumber) Json.parse("0.1000000000000000000000001");

    assertThat(number.value()).isEqualByComparingTo(new BigDecimal("0.1000000000000000000000001"));
  }

  @Test
  void givenNumericallyEqualNumbers_equals_isTrueAndHashCodesMatch() {
    JsonNumber one = (JsonNumber) Json.parse("1");
    JsonNumber onePointZero = (JsonNumber) Json.parse("1.00");
    JsonNumber tenthOfTen = (JsonNumber) Json.parse("0.1e1");

    assertThat(one).isEqualTo(onePointZero).isEqualTo(tenthOfTen);
    assertThat(one.hashCode()).isEqualTo(onePointZero.hashCode()).isEqualTo(tenthOfTen.hashCode());
    assertThat(one).isNotEqualTo(JsonNumber.of(2));
  }

  @Test
  void givenIntegralNumber_intValueExact_returnsIt_andFractionThrows() {
    assertThat(((JsonNumber) Json.parse("42")).intValueExact()).isEqualTo(42);
    assertThatThrownBy(() -> ((JsonNumber) Json.parse("4.5")).intValueExact())
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void givenDepthAtTheLimit_parse_accepts() {
    String text = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);

    assertThat(Json.parse(text)).isInstanceOf(JsonArray.class);
  }

  @Test
  void givenDepthBeyondTheLimit_parse_rejectsWithPosition() {
    String text = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);

    assertThatThrownBy(() -> Json.parse(text))
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("Nesting deeper than 64")
        .satisfies(e -> assertThat(((JsonParseException) e).position()).isEqualTo(Json.MAX_DEPTH));
  }

  @Test
  void givenVeryDeepObjectNesting_parse_rejectsWithoutStackOverflow() {
    String text = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);

    assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonParseException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", " ", "{", "}", "[", "[1,]", "[,1]", "{\"a\":1,}", "{,}", "{\"a\"}", "{\"a\" 1}", "{a:1}", "{'a':1}",
        "'x'", "\"abc", "\"a\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83d\\u0041\"",
        "01", "-01", "+1", ".5", "1.", "1.e3", "1e", "1e+", "-", "--1", "NaN", "Infinity", "-Infinity", "0x10",
        "tru", "True", "nul", "nulll", "[1] [2]", "1 2", "{\"a\":1}x", "/* c */ 1", "[1 // c\n]", "\ufeff1",
        "{\"a\":1,\"a\":2}", "\"tab\there\"", "\"new\nline\"", "[1e99999999999]", "1e2000", "\u00a01"
      })
  void givenMalformedText_parse_throwsJsonParseException(String text) {
    assertThatThrownBy(() -> Json.parse(text))
        .isInstanceOf(JsonParseException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at position");
  }

  @Test
  void givenUnexpectedCharacter_parse_reportsItsPosition() {
    assertThatThrownBy(() -> Json.parse("{\"a\": [1, 2 x]}"))
        .isInstanceOfSatisfying(JsonParseException.class, e -> assertThat(e.position()).isEqualTo(12));
  }

  @Test
  void givenDuplicateMemberName_parse_reportsThePositionOfTheSecond() {
    assertThatThrownBy(() -> Json.parse("{\"a\":1,\"a\":2}"))
        .isInstanceOfSatisfying(JsonParseException.class, e -> assertThat(e.position()).isEqualTo(7))
        .hasMessageContaining("Duplicate member name \"a\"");
  }

  @Test
  void givenOverlongNumber_parse_isRejected() {
    assertThatThrownBy(() -> Json.parse("1".repeat(Json.MAX_NUMBER_LENGTH + 1)))
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("longer than");
    assertThat(Json.parse("1".repeat(Json.MAX_NUMBER_LENGTH))).isInstanceOf(JsonNumber.class);
  }

  @Test
  void givenUnpairedSurrogateInJavaString_jsonString_isRejected() {
    assertThatThrownBy(() -> new JsonString("a\ud83d")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JsonString("\ude00b")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new JsonString("\ud83d\ude00").value()).hasSize(2);
  }

  @Test
  void givenNonObjectText_parseObject_isRejected() {
    assertThatThrownBy(() -> Json.parseObject("[1]")).isInstanceOf(JsonParseException.class);
    assertThat(Json.parseObject("{\"a\":1}").findNumber("a")).contains(JsonNumber.of(1));
  }

  @Test
  void givenObject_members_keepInsertionOrderAndAreImmutable() {
    JsonObject object = (JsonObject) Json.parse("{\"z\":1,\"a\":2,\"m\":3}");

    assertThat(object.members().keySet()).containsExactly("z", "a", "m");
    assertThatThrownBy(() -> object.members().put("x", JsonNull.INSTANCE))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenArraySource_copyIsDefensive() {
    java.util.ArrayList<JsonValue> source = new java.util.ArrayList<>(List.of(JsonNumber.of(1)));
    JsonArray array = new JsonArray(source);

    source.add(JsonNumber.of(2));

    assertThat(array.size()).isEqualTo(1);
  }

  @Test
  void givenNonFiniteDouble_jsonNumber_isRejected() {
    assertThatThrownBy(() -> JsonNumber.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThat(JsonNumber.of(0.5)).isEqualTo(Json.parse("0.5"));
  }

  @Test
  void givenValues_toString_isTheirJson() {
    assertThat(JsonObject.builder().put("a", JsonArray.ofStrings(List.of("x"))).build().toString())
        .isEqualTo("{\"a\":[\"x\"]}");
  }

  @Test
  void givenEveryKind_kind_namesIt() {
    assertThat(List.of(Json.parse("{}"), Json.parse("[]"), Json.parse("\"\""), Json.parse("1"), Json.parse("true"),
                Json.parse("null"))
            .stream()
            .map(JsonValue::kind))
        .containsExactly(JsonValue.Kind.OBJECT, JsonValue.Kind.ARRAY, JsonValue.Kind.STRING, JsonValue.Kind.NUMBER,
            JsonValue.Kind.BOOLEAN, JsonValue.Kind.NULL);
  }
}
