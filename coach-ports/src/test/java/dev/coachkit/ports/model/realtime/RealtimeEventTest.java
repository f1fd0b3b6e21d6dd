package dev.coachkit.ports.model.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RealtimeEventTest {
  private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void givenAudioChunk_mutatingTheArrays_doesNotChangeTheEvent() {
    byte[] pcm = {1, 2, 3, 4};
    RealtimeEvent.AudioChunk chunk = new RealtimeEvent.AudioChunk("resp_1", "item_1", 0, pcm, AT);

    pcm[0] = 9;
    chunk.pcm16()[1] = 9;

    assertThat(chunk.pcm16()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void givenEqualAudioContent_equals_isTrue() {
    assertThat(new RealtimeEvent.AudioChunk("r", "i", 0, new byte[] {1, 2}, AT))
        .isEqualTo(new RealtimeEvent.AudioChunk("r", "i", 0, new byte[] {1, 2}, AT))
        .isNotEqualTo(new RealtimeEvent.AudioChunk("r", "i", 0, new byte[] {1, 3}, AT));
  }

  @Test
  void givenEvents_kind_namesEach() {
    assertThat(new RealtimeEvent.Closed("bye", false, AT).kind()).isEqualTo(RealtimeEvent.Kind.CLOSED);
    assertThat(new RealtimeEvent.SpeechStarted("item", 0, AT).kind()).isEqualTo(RealtimeEvent.Kind.SPEECH_STARTED);
  }

  @Test
  void givenEphemeralToken_toString_hidesTheSecret() {
    EphemeralToken token = new EphemeralToken("ek_secret", AT, URI.create("https://example.test/v1/realtime/calls"));

    assertThat(token.toString()).doesNotContain("ek_secret");
  }
}
