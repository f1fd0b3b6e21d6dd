package dev.coachkit.adapter.openai.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.json.JsonString;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.realtime.RealtimeEvent;
import dev.coachkit.ports.model.realtime.ResponseStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerEventParserTest {

  static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
  final ServerEventParser parser = new ServerEventParser(Clock.fixed(NOW, ZoneOffset.UTC));
  final List<RealtimeEvent> out = new ArrayList<>();

  @Test
  void givenFunctionCallOnlyInOutputItemDoneAndResponseDone_parse_reportsItOnceWithRawNonJsonArguments() {
    parser.parse("{\"type\":\"response.output_item.done\",\"item\":{\"id\":\"item_1\",\"type\":\"function_call\","
        + "\"status\":\"completed\",\"call_id\":\"call_1\",\"name\":\"log_workout\",\"arguments\":\"not json\"}}",
        out::add);
    parser.parse("{\"type\":\"response.done\",\"response\":{\"id\":\"resp_1\",\"status\":\"completed\",\"output\":"
        + "[{\"id\":\"item_1\",\"type\":\"function_call\",\"status\":\"completed\",\"call_id\":\"call_1\","
        + "\"name\":\"log_workout\",\"arguments\":\"not json\"}],\"usage\":null}}", out::add);

    assertThat(out).hasSize(2);
    RealtimeEvent.ToolCallRequested call = (RealtimeEvent.ToolCallRequested) out.get(0);
    assertThat(call.arguments()).isEqualTo(JsonString.of("not json"));
    assertThat(call.occurredAt()).isEqualTo(NOW);
    assertThat(((RealtimeEvent.ResponseDone) out.get(1)).usage()).isEqualTo(TokenUsage.ZERO);
  }

  @Test
  void givenBetaArgumentsDoneWithoutName_parse_takesTheNameFromTheAddedItem() {
    parser.parse("{\"type\":\"response.output_item.added\",\"item\":{\"id\":\"item_2\",\"type\":\"function_call\","
        + "\"call_id\":\"call_2\",\"name\":\"set_goal\",\"arguments\":\"\"}}", out::add);
    parser.parse("{\"type\":\"response.function_call_arguments.done\",\"response_id\":\"r\",\"item_id\":\"item_2\","
        + "\"call_id\":\"call_2\",\"arguments\":\"{}\"}", out::add);

    assertThat(out).singleElement().satisfies(e ->
        assertThat(((RealtimeEvent.ToolCallRequested) e).name()).isEqualTo("set_goal"));
  }

  @Test
  void givenFailedResponseWithError_parse_reportsTheErrorThenFailedDone() {
    parser.parse("{\"type\":\"response.done\",\"response\":{\"id\":\"resp_9\",\"status\":\"failed\","
        + "\"status_details\":{\"type\":\"failed\",\"error\":{\"type\":\"server_error\",\"code\":\"overloaded\","
        + "\"message\":\"busy\"}},\"output\":[],\"usage\":{\"input_tokens\":5,\"output_tokens\":0,"
        + "\"input_token_details\":{\"cached_tokens\":9,\"audio_tokens\":2}}}}", out::add);

    assertThat(out).hasSize(2);
    assertThat(((RealtimeEvent.RealtimeError) out.get(0)).code()).isEqualTo("overloaded");
    RealtimeEvent.ResponseDone done = (RealtimeEvent.ResponseDone) out.get(1);
    assertThat(done.status()).isEqualTo(ResponseStatus.FAILED);
    assertThat(done.usage()).isEqualTo(new TokenUsage(5, 5, 0, 2, 0)); // cached capped at the input total
  }

  @Test
  void givenUnknownTypeNonJsonAndAKnownEventMissingItsId_parse_skipsThemAndCounts() {
    parser.parse("{\"type\":\"response.brand_new_event\",\"x\":1}", out::add);
    parser.parse("not json", out::add);
    parser.parse("{\"type\":\"input_audio_buffer.speech_started\",\"audio_start_ms\":5}", out::add);
    parser.parse("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"code\":null,"
        + "\"message\":\"m\"}}", out::add);

    assertThat(parser.unknown()).isEqualTo(1);
    assertThat(parser.malformed()).isEqualTo(2);
    assertThat(out).singleElement().satisfies(e -> {
      assertThat(((RealtimeEvent.RealtimeError) e).code()).isEqualTo("invalid_request_error");
      assertThat(((RealtimeEvent.RealtimeError) e).message()).isEqualTo("m");
    });
  }
}
