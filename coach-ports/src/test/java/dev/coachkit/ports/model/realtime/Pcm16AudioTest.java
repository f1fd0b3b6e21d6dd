package dev.coachkit.ports.model.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class Pcm16AudioTest {

  @Test
  void givenArray_copyOf_laterChangesToTheArrayDoNotShow() {
    byte[] pcm = {1, 2, 3, 4};
    Pcm16Audio audio = Pcm16Audio.copyOf(pcm);
    pcm[0] = 9;

    assertThat(audio.toByteArray()).containsExactly(1, 2, 3, 4);
    assertThat(audio.length()).isEqualTo(4);
  }

  @Test
  void givenAudio_toByteArray_returnsACopyEachTime() {
    Pcm16Audio audio = Pcm16Audio.copyOf(new byte[] {1, 2});
    audio.toByteArray()[0] = 7;

    assertThat(audio.toByteArray()).containsExactly(1, 2);
  }

  @Test
  void givenAudio_asByteBuffer_isAReadOnlyViewOfTheWholeAudio() {
    Pcm16Audio audio = Pcm16Audio.copyOf(new byte[] {1, 2, 3, 4});
    ByteBuffer view = audio.asByteBuffer();

    assertThat(view.isReadOnly()).isTrue();
    assertThat(view.position()).isZero();
    assertThat(view.remaining()).isEqualTo(4);
    assertThatThrownBy(() -> view.put(0, (byte) 5)).isInstanceOf(ReadOnlyBufferException.class);
    view.get(); // moving one view does not move another
    assertThat(audio.asByteBuffer().position()).isZero();
  }

  @Test
  void givenBufferWithPosition_copyOf_copiesTheRemainingBytesAndLeavesThePosition() {
    ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0, 0, 5, 6, 7, 8});
    buffer.position(2);

    Pcm16Audio audio = Pcm16Audio.copyOf(buffer);
    buffer.put(2, (byte) 9);

    assertThat(audio.toByteArray()).containsExactly(5, 6, 7, 8);
    assertThat(buffer.position()).isEqualTo(2);
  }

  @Test
  void givenArray_handedOver_keepsThatArrayInsteadOfACopy() {
    byte[] pcm = {1, 2, 3, 4};
    Pcm16Audio audio = Pcm16Audio.handedOver(pcm);
    pcm[0] = 9; // breaks the contract on purpose, to show that no copy was made

    assertThat(audio.toByteArray()).containsExactly(9, 2, 3, 4);
    assertThat(Pcm16Audio.handedOver(new byte[0])).isSameAs(Pcm16Audio.empty());
    assertThatThrownBy(() -> Pcm16Audio.handedOver(null)).hasMessageContaining("pcm16");
  }

  @Test
  void givenBase64_fromBase64AndToBase64_roundTrip() {
    Pcm16Audio audio = Pcm16Audio.fromBase64("AQIDBA==");

    assertThat(audio.toByteArray()).containsExactly(1, 2, 3, 4);
    assertThat(audio.toBase64()).isEqualTo("AQIDBA==");
    assertThat(Pcm16Audio.fromBase64("").isEmpty()).isTrue();
  }

  @Test
  void givenSameBytes_equals_isTrueAndHashCodesMatch() {
    assertThat(Pcm16Audio.copyOf(new byte[] {1, 2})).isEqualTo(Pcm16Audio.copyOf(ByteBuffer.wrap(new byte[] {1, 2})))
        .hasSameHashCodeAs(Pcm16Audio.copyOf(new byte[] {1, 2}))
        .isNotEqualTo(Pcm16Audio.copyOf(new byte[] {1, 3}));
    assertThat(Pcm16Audio.copyOf(new byte[0])).isEqualTo(Pcm16Audio.empty());
  }

  @Test
  void givenNull_copyOf_namesTheField() {
    assertThatThrownBy(() -> Pcm16Audio.copyOf((byte[]) null)).hasMessageContaining("pcm16");
  }

  @Test
  void givenAudioValue_audioChunk_keepsTheSameValueWithoutCopying() {
    Pcm16Audio audio = Pcm16Audio.copyOf(new byte[] {1, 2});
    RealtimeEvent.AudioChunk chunk = new RealtimeEvent.AudioChunk("r", "i", 0, audio, Instant.EPOCH);

    assertThat(chunk.audio()).isSameAs(audio);
    assertThat(chunk.pcm16()).containsExactly(1, 2);
  }
}
