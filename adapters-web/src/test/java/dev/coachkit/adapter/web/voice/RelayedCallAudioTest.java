package dev.coachkit.adapter.web.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.realtime.Pcm16Audio;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class RelayedCallAudioTest {

  @Test
  void givenBufferOverOneWholeArray_audioOf_takesTheArrayOver() {
    byte[] received = {1, 2, 3, 4};
    Buffer frame = Buffer.buffer(Unpooled.wrappedBuffer(received));

    Pcm16Audio audio = RelayedCall.audioOf(frame);
    received[0] = 9; // only to show that the value holds the received array itself, not a copy

    assertThat(audio.toByteArray()).containsExactly(9, 2, 3, 4);
  }

  @Test
  void givenBufferOverPartOfAnArray_audioOf_copiesJustThatPart() {
    byte[] larger = {0, 0, 5, 6, 7, 8, 0, 0};
    Buffer frame = Buffer.buffer(Unpooled.wrappedBuffer(larger, 2, 4));

    Pcm16Audio audio = RelayedCall.audioOf(frame);
    larger[2] = 9;

    assertThat(audio.toByteArray()).containsExactly(5, 6, 7, 8);
  }

  @Test
  void givenDirectBuffer_audioOf_copiesItsBytes() {
    ByteBuf direct = Unpooled.directBuffer(4).writeBytes(new byte[] {1, 2, 3, 4});
    Buffer frame = Buffer.buffer(direct);

    Pcm16Audio audio = RelayedCall.audioOf(frame);
    direct.setByte(0, 9);

    assertThat(audio.toByteArray()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void givenVertxBufferFromBytes_audioOf_hasTheSameBytes() {
    byte[] pcm = {1, 2, 3, 4, 5, 6};

    assertThat(RelayedCall.audioOf(Buffer.buffer(pcm)).toByteArray()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(RelayedCall.audioOf(Buffer.buffer(pcm).slice(2, 6)).toByteArray()).containsExactly(3, 4, 5, 6);
  }
}
