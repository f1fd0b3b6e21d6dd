package dev.coachkit.adapter.openai.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * What the simulator's answer to a chat-completion request takes from its body: the model to echo, whether to
 * stream (and the stream options), and the size of the prompt for the usage estimate. Read in one pass of a streaming
 * parser over the body's text, without building its JSON tree: a request whose answer needs no more than this (a
 * simulator that neither validates nor records, answering with text) is never parsed into a tree.
 *
 * <p>The prompt's size is the length of each message's text content (of the raw JSON of a content that is not a
 * string) and of the raw JSON of {@code tools}.
 *
 * @param model the {@code model}, or {@code gpt-4o-mini} when absent or not a string
 * @param promptChars the characters of the messages' contents and of the tools (their raw JSON)
 */
record RequestFacts(String model, boolean stream, boolean includeUsage, boolean includeObfuscation, int messages,
    int promptChars) {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final String DEFAULT_MODEL = "gpt-4o-mini";

  /** The facts of a body, or null when it is blank or not JSON. Fields of a body that is not an object: defaults. */
  static RequestFacts scan(String body) {
    try (JsonParser parser = FACTORY.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      Scan scan = new Scan();
      if (first == JsonToken.START_OBJECT) {
        scan.object(parser);
      } else {
        parser.skipChildren();
      }
      return new RequestFacts(scan.model, scan.stream, scan.includeUsage, scan.includeObfuscation, scan.messages,
          scan.promptChars);
    } catch (IOException notJson) {
      return null;
    }
  }

  /** Reads one field's value (its first token given), or skips it. */
  @FunctionalInterface
  private interface FieldReader {
    void read(String field, JsonToken value) throws IOException;
  }

  /** The state of one scan. */
  private static final class Scan {
    String model = DEFAULT_MODEL;
    boolean stream;
    boolean includeUsage;
    boolean includeObfuscation = true;
    int messages;
    int promptChars;

    void object(JsonParser parser) throws IOException {
      eachField(parser, (field, value) -> {
        switch (field) {
          case "model" -> model = value == JsonToken.VALUE_STRING ? parser.getText() : model;
          case "stream" -> stream = value == JsonToken.VALUE_TRUE;
          case "stream_options" -> streamOptions(parser, value);
          case "messages" -> messages(parser, value);
          case "tools" -> promptChars += rawLength(parser, value);
          default -> parser.skipChildren();
        }
      });
    }

    private void streamOptions(JsonParser parser, JsonToken value) throws IOException {
      if (value != JsonToken.START_OBJECT) {
        parser.skipChildren();
        return;
      }
      eachField(parser, (field, option) -> {
        if ("include_usage".equals(field)) {
          includeUsage = option == JsonToken.VALUE_TRUE;
        } else if ("include_obfuscation".equals(field)) {
          includeObfuscation = option != JsonToken.VALUE_FALSE;
        } else {
          parser.skipChildren();
        }
      });
    }

    private void messages(JsonParser parser, JsonToken value) throws IOException {
      if (value != JsonToken.START_ARRAY) {
        parser.skipChildren();
        return;
      }
      for (JsonToken message = parser.nextToken(); message != JsonToken.END_ARRAY; message = parser.nextToken()) {
        messages++;
        if (message != JsonToken.START_OBJECT) {
          parser.skipChildren();
          continue;
        }
        eachField(parser, (field, content) -> {
          if ("content".equals(field)) {
            promptChars += content == JsonToken.VALUE_STRING ? parser.getTextLength() : rawLength(parser, content);
          } else {
            parser.skipChildren();
          }
        });
      }
    }

    /** Reads the fields of the object the parser has just entered, up to its end: each value read or skipped. */
    private static void eachField(JsonParser parser, FieldReader reader) throws IOException {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        reader.read(field, parser.nextToken());
      }
    }

    /** The length of the current value's JSON as sent (after skipping it, for an array or object). */
    private static int rawLength(JsonParser parser, JsonToken value) throws IOException {
      long start = parser.currentTokenLocation().getCharOffset();
      parser.skipChildren();
      return (int) (parser.currentLocation().getCharOffset() - start);
    }
  }
}
