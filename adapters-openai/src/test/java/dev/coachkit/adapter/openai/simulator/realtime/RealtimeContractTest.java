package dev.coachkit.adapter.openai.simulator.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealtimeContractTest {
  static final ObjectMapper M = new ObjectMapper();
  final RealtimeContract contract = RealtimeContract.load();

  JsonNode examples(String group) throws Exception {
    return M.readTree(contract.contractDir().resolve("realtime-event-examples.json").toFile()).path("groups").path(group);
  }

  List<String> failures(RealtimeContract.Mode mode) throws Exception {
    List<String> out = new ArrayList<>();
    for (Path r : contract.recordings()) {
      RealtimeProtocol p = r.getFileName().toString().startsWith("beta") ? RealtimeProtocol.BETA : RealtimeProtocol.GA;
      for (String line : Files.readAllLines(r)) {
        List<RealtimeContract.Violation> v = contract.validateServerEvent(p, M.readTree(line), mode);
        if (!v.isEmpty()) {
          out.add(r.getFileName() + " " + v);
        }
      }
    }
    return out;
  }

  @Test
  void givenEveryRealRecording_validateInWireMode_everyEventPasses() throws Exception {
    assertThat(contract.recordings()).hasSize(4);
    assertThat(failures(RealtimeContract.Mode.WIRE)).isEmpty();
  }

  @Test
  void givenRealRecordings_validateAsPublished_theDocumentedToleranceIsNeeded() throws Exception {
    List<String> failures = failures(RealtimeContract.Mode.PUBLISHED);
    assertThat(failures).isNotEmpty();
    assertThat(String.join("\n", failures)).contains("null found").contains("does not have a value in the enumeration");
  }

  @Test
  void givenOpenAiGaClientExamples_validateStrict_allPass() throws Exception {
    int checked = 0;
    for (JsonNode e : examples("current:realtime-client-events")) {
      if (e.get("example").isObject()) {
        assertThat(contract.validateClientEvent(RealtimeProtocol.GA, e.get("example"))).as(e.get("type").asText()).isEmpty();
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(10);
  }

  @Test
  void givenOpenAiBetaClientExamples_validateStrict_allButTheInconsistentResponseCreatePass() throws Exception {
    for (JsonNode e : examples("beta_2025_04_29:realtime-client-events")) {
      if (!e.get("example").isObject()) {
        continue;
      }
      List<RealtimeContract.Violation> v = contract.validateClientEvent(RealtimeProtocol.BETA, e.get("example"));
      if ("response.create".equals(e.get("type").asText())) {
        // OpenAI's own beta example uses max_output_tokens; the beta schema only knows max_response_output_tokens
        assertThat(v.toString()).contains("max_output_tokens");
      } else {
        assertThat(v).as(e.get("type").asText()).isEmpty();
      }
    }
  }

  @Test
  void givenGaSessionUpdateWithBetaFlatField_validate_strictRejectsWhatThePublishedSchemaLetsThrough() throws Exception {
    JsonNode event = M.readTree("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\","
        + "\"input_audio_format\":\"pcm16\"}}");
    assertThat(contract.validateClientEvent(RealtimeProtocol.GA, event).toString()).contains("input_audio_format");
    assertThat(contract.validate(RealtimeProtocol.GA, "RealtimeClientEventSessionUpdate", event,
        RealtimeContract.Mode.PUBLISHED)).isEmpty();
    JsonNode beta = M.readTree("{\"type\":\"session.update\",\"session\":{\"input_audio_format\":\"pcm16\"}}");
    assertThat(contract.validateClientEvent(RealtimeProtocol.BETA, beta)).isEmpty();
    assertThat(contract.validateClientEvent(RealtimeProtocol.GA, beta)).isNotEmpty();
  }

  @Test
  void givenMalformedClientEvents_validate_eachIsReported() throws Exception {
    assertThat(contract.validateClientEvent(RealtimeProtocol.GA, M.readTree("{\"event_id\":\"x\"}")))
        .extracting(RealtimeContract.Violation::message).containsExactly("The 'type' field is missing.");
    assertThat(contract.validateClientEvent(RealtimeProtocol.GA, M.readTree("{\"type\":\"response.audio.delta\"}")))
        .isNotEmpty();
    assertThat(contract.validateClientEvent(RealtimeProtocol.GA,
        M.readTree("{\"type\":\"input_audio_buffer.append\"}"))).isNotEmpty();
    assertThat(contract.validateClientEvent(RealtimeProtocol.GA,
        M.readTree("{\"type\":\"conversation.item.truncate\",\"item_id\":\"i\",\"content_index\":0,"
            + "\"audio_end_ms\":\"soon\"}"))).isNotEmpty();
    assertThat(contract.validateClientEvent(RealtimeProtocol.GA,
        M.readTree("{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAAA\"}"))).isEmpty();
  }

  @Test
  void givenBothSpecs_eventTypeMaps_carryTheWireNamesOfEachProtocol() {
    assertThat(contract.serverEventTypes(RealtimeProtocol.GA))
        .contains("response.output_audio.delta", "conversation.item.added", "conversation.item.done")
        .doesNotContain("response.audio.delta");
    assertThat(contract.serverEventTypes(RealtimeProtocol.BETA))
        .contains("response.audio.delta", "response.audio_transcript.delta", "conversation.item.created")
        .doesNotContain("response.output_audio.delta");
    assertThat(contract.clientEventSchema(RealtimeProtocol.GA, "session.update"))
        .contains("RealtimeClientEventSessionUpdate");
  }

  @Test
  void givenContractDirPropertyPointingNowhere_locate_failsClearly() {
    String before = System.getProperty(RealtimeContract.CONTRACT_DIR_PROPERTY);
    System.setProperty(RealtimeContract.CONTRACT_DIR_PROPERTY, "/nonexistent/contracts");
    try {
      assertThatThrownBy(RealtimeContract::locateContractDir).hasMessageContaining(RealtimeContract.GA_FILE);
    } finally {
      if (before == null) {
        System.clearProperty(RealtimeContract.CONTRACT_DIR_PROPERTY);
      } else {
        System.setProperty(RealtimeContract.CONTRACT_DIR_PROPERTY, before);
      }
    }
  }
}
