package dev.coachkit.ports.model.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Strict RFC 8259 JSON reading and writing, JDK only.
 *
 * <p>The parser rejects everything the grammar does not allow (comments, trailing commas, single quotes, leading
 * zeros, NaN, raw control characters in strings, a byte order mark, trailing content) and, beyond the grammar,
 * duplicate member names, unpaired surrogates, nesting deeper than {@value #MAX_DEPTH}, number literals longer
 * than {@value #MAX_NUMBER_LENGTH} characters and exponents beyond ±{@value #MAX_EXPONENT} (RFC 8259 section 9
 * lets a parser limit these; they keep model-supplied arguments from exhausting memory).
 */
public final class Json {
  /** Deepest allowed nesting of arrays and objects. */
  public static final int MAX_DEPTH = 64;

  /** Longest allowed number literal. */
  public static final int MAX_NUMBER_LENGTH = 256;

  /** Largest allowed magnitude of a number's scale. */
  public static final int MAX_EXPONENT = 1024;

  private Json() {}

  /** Parses one JSON text; throws {@link JsonParseException} (an IllegalArgumentException) on bad input. */
  public static JsonValue parse(String text) {
    Objects.requireNonNull(text, "text must not be null");
    Parser parser = new Parser(text);
    parser.skipWhitespace();
    JsonValue value = parser.value(0);
    parser.skipWhitespace();
    if (parser.pos < text.length()) {
      throw new JsonParseException("Unexpected content after the JSON value", parser.pos);
    }
    return value;
  }

  /** Parses a JSON text that must be an object. */
  public static JsonObject parseObject(String text) {
    JsonValue value = parse(text);
    if (value instanceof JsonObject object) {
      return object;
    }
    throw new JsonParseException("Expected a JSON object but found " + value.kind(), 0);
  }

  /** Writes the value as compact JSON text (no insignificant whitespace, member order kept). */
  public static String write(JsonValue value) {
    Objects.requireNonNull(value, "value must not be null");
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(JsonValue value, StringBuilder out) {
    if (value instanceof JsonObject object) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(member.getKey(), out);
        out.append(':');
        write(member.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof JsonArray array) {
      out.append('[');
      for (int i = 0; i < array.elements().size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(array.elements().get(i), out);
      }
      out.append(']');
    } else if (value instanceof JsonString string) {
      writeString(string.value(), out);
    } else if (value instanceof JsonNumber number) {
      // BigDecimal.toString yields RFC 8259 grammar (e.g. "1.5", "-3", "1E+3").
      out.append(number.value().toString());
    } else if (value instanceof JsonBoolean bool) {
      out.append(bool.value());
    } else {
      out.append("null");
    }
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    void skipWhitespace() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pos++;
        } else {
          return;
        }
      }
    }

    JsonValue value(int depth) {
      if (pos >= text.length()) {
        throw new JsonParseException("Unexpected end of input, expected a value", pos);
      }
      char c = text.charAt(pos);
      switch (c) {
        case '{':
          return object(depth + 1);
        case '[':
          return array(depth + 1);
        case '"':
          return new JsonString(string());
        case 't':
          literal("true");
          return JsonBoolean.TRUE;
        case 'f':
          literal("false");
          return JsonBoolean.FALSE;
        case 'n':
          literal("null");
          return JsonNull.INSTANCE;
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw new JsonParseException("Unexpected character " + describe(c) + ", expected a value", pos);
      }
    }

    private JsonObject object(int depth) {
      checkDepth(depth);
      pos++; // '{'
      LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
      skipWhitespace();
      if (peek() == '}') {
        pos++;
        return new JsonObject(members);
      }
      while (true) {
        skipWhitespace();
        if (peek() != '"') {
          throw new JsonParseException("Expected a member name in double quotes", pos);
        }
        int namePos = pos;
        String name = string();
        skipWhitespace();
        expect(':');
        skipWhitespace();
        JsonValue value = value(depth);
        if (members.putIfAbsent(name, value) != null) {
          throw new JsonParseException("Duplicate member name \"" + name + "\"", namePos);
        }
        skipWhitespace();
        char c = peek();
        if (c == ',') {
          pos++;
        } else if (c == '}') {
          pos++;
          return new JsonObject(members);
        } else {
          throw new JsonParseException("Expected ',' or '}' in object", pos);
        }
      }
    }

    private JsonArray array(int depth) {
      checkDepth(depth);
      pos++; // '['
      List<JsonValue> elements = new ArrayList<>();
      skipWhitespace();
      if (peek() == ']') {
        pos++;
        return new JsonArray(elements);
      }
      while (true) {
        skipWhitespace();
        elements.add(value(depth));
        skipWhitespace();
        char c = peek();
        if (c == ',') {
          pos++;
        } else if (c == ']') {
          pos++;
          return new JsonArray(elements);
        } else {
          throw new JsonParseException("Expected ',' or ']' in array", pos);
        }
      }
    }

    private String string() {
      pos++; // opening quote
      StringBuilder out = new StringBuilder();
      while (true) {
        if (pos >= text.length()) {
          throw new JsonParseException("Unterminated string", pos);
        }
        char c = text.charAt(pos);
        if (c == '"') {
          pos++;
          return out.toString();
        }
        if (c == '\\') {
          escape(out);
        } else if (c < 0x20) {
          throw new JsonParseException("Unescaped control character " + describe(c) + " in string", pos);
        } else if (Character.isHighSurrogate(c)) {
          if (pos + 1 < text.length() && Character.isLowSurrogate(text.charAt(pos + 1))) {
            out.append(c).append(text.charAt(pos + 1));
            pos += 2;
          } else {
            throw new JsonParseException("Unpaired surrogate in string", pos);
          }
        } else if (Character.isLowSurrogate(c)) {
          throw new JsonParseException("Unpaired surrogate in string", pos);
        } else {
          out.append(c);
          pos++;
        }
      }
    }

    private void escape(StringBuilder out) {
      int start = pos;
      pos++; // backslash
      if (pos >= text.length()) {
        throw new JsonParseException("Unterminated escape sequence", start);
      }
      char c = text.charAt(pos++);
      switch (c) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case '/' -> out.append('/');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          char unit = hex4(start);
          if (Character.isHighSurrogate(unit)) {
            if (text.startsWith("\\u", pos)) {
              int lowStart = pos;
              pos += 2;
              char low = hex4(lowStart);
              if (!Character.isLowSurrogate(low)) {
                throw new JsonParseException("High surrogate escape not followed by a low surrogate", lowStart);
              }
              out.append(unit).append(low);
            } else {
              throw new JsonParseException("Unpaired surrogate escape", start);
            }
          } else if (Character.isLowSurrogate(unit)) {
            throw new JsonParseException("Unpaired surrogate escape", start);
          } else {
            out.append(unit);
          }
        }
        default -> throw new JsonParseException("Invalid escape sequence \\" + describe(c), start);
      }
    }

    private char hex4(int escapeStart) {
      if (pos + 4 > text.length()) {
        throw new JsonParseException("Truncated \\u escape", escapeStart);
      }
      int value = 0;
      for (int i = 0; i < 4; i++) {
        int digit = Character.digit(text.charAt(pos + i), 16);
        if (digit < 0 || text.charAt(pos + i) > 'f') {
          throw new JsonParseException("Invalid hex digit in \\u escape", pos + i);
        }
        value = value * 16 + digit;
      }
      pos += 4;
      return (char) value;
    }

    private JsonNumber number() {
      int start = pos;
      if (peek() == '-') {
        pos++;
      }
      if (peek() == '0') {
        pos++;
        if (isDigit(peek())) {
          throw new JsonParseException("Leading zeros are not allowed", start);
        }
      } else if (isDigit(peek())) {
        digits();
      } else {
        throw new JsonParseException("Expected a digit", pos);
      }
      if (peek() == '.') {
        pos++;
        if (!isDigit(peek())) {
          throw new JsonParseException("Expected a digit after the decimal point", pos);
        }
        digits();
      }
      if (peek() == 'e' || peek() == 'E') {
        pos++;
        if (peek() == '+' || peek() == '-') {
          pos++;
        }
        if (!isDigit(peek())) {
          throw new JsonParseException("Expected a digit in the exponent", pos);
        }
        digits();
      }
      if (pos - start > MAX_NUMBER_LENGTH) {
        throw new JsonParseException("Number literal longer than " + MAX_NUMBER_LENGTH + " characters", start);
      }
      BigDecimal value;
      try {
        value = new BigDecimal(text.substring(start, pos));
      } catch (NumberFormatException e) {
        throw new JsonParseException("Number out of range", start);
      }
      if (Math.abs((long) value.scale()) > MAX_EXPONENT) {
        throw new JsonParseException("Number exponent beyond ±" + MAX_EXPONENT, start);
      }
      return new JsonNumber(value);
    }

    private void digits() {
      while (isDigit(peek())) {
        pos++;
      }
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private void literal(String word) {
      if (!text.startsWith(word, pos)) {
        throw new JsonParseException("Invalid literal, expected " + word, pos);
      }
      pos += word.length();
    }

    private void expect(char c) {
      if (peek() != c) {
        throw new JsonParseException("Expected '" + c + "'", pos);
      }
      pos++;
    }

    /** The current character, or U+0000 at the end (never valid where a structural character is expected). */
    private char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void checkDepth(int depth) {
      if (depth > MAX_DEPTH) {
        throw new JsonParseException("Nesting deeper than " + MAX_DEPTH, pos);
      }
    }

    private static String describe(char c) {
      return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
  }
}
