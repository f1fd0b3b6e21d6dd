package dev.coachkit.ports.model.realtime;

import dev.coachkit.ports.model.common.Require;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * Value object: an immutable piece of PCM16 audio (24 kHz, mono, little-endian) that owns its bytes.
 *
 * <p>Audio is relayed tens of times a second per call, so this value is created once where the bytes enter the
 * server (a copy out of a network buffer, or a base64 decode) and is then handed through the ports and the domain
 * without further copies: nothing outside can reach the array it owns. Readers get a read-only view
 * ({@link #asByteBuffer()}) or a copy ({@link #toByteArray()}).
 */
public final class Pcm16Audio {
  private static final Pcm16Audio EMPTY = new Pcm16Audio(new byte[0]);

  private final byte[] bytes;

  private Pcm16Audio(byte[] owned) {
    this.bytes = owned;
  }

  /** A copy of these bytes. */
  public static Pcm16Audio copyOf(byte[] pcm16) {
    Require.nonNull(pcm16, "pcm16");
    return pcm16.length == 0 ? EMPTY : new Pcm16Audio(pcm16.clone());
  }

  /** A copy of the remaining bytes of this buffer (its position is left unchanged). */
  public static Pcm16Audio copyOf(ByteBuffer pcm16) {
    Require.nonNull(pcm16, "pcm16");
    int length = pcm16.remaining();
    if (length == 0) {
      return EMPTY;
    }
    byte[] owned = new byte[length];
    pcm16.duplicate().get(owned);
    return new Pcm16Audio(owned);
  }

  /**
   * The audio in this array, which the caller hands over instead of having it copied: the value keeps the array
   * itself. Only for an array that nothing else refers to and that the caller will neither keep nor change: bytes
   * the caller has just received as its own (a network message's fresh buffer), where one more copy would only be
   * garbage at fifty frames a second per call. Anything else uses {@link #copyOf(byte[])}.
   */
  public static Pcm16Audio handedOver(byte[] pcm16) {
    Require.nonNull(pcm16, "pcm16");
    return pcm16.length == 0 ? EMPTY : new Pcm16Audio(pcm16);
  }

  /** The audio in this base64 text (as the Realtime API sends it), decoded straight into the value's own array. */
  public static Pcm16Audio fromBase64(String base64) {
    Require.nonNull(base64, "base64");
    byte[] decoded = Base64.getDecoder().decode(base64);
    return decoded.length == 0 ? EMPTY : new Pcm16Audio(decoded);
  }

  /** No audio. */
  public static Pcm16Audio empty() {
    return EMPTY;
  }

  /** The number of bytes (two per sample). */
  public int length() {
    return bytes.length;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /** A read-only view of the bytes, positioned at the start (no copy). */
  public ByteBuffer asByteBuffer() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** The audio as base64 text (for the Realtime API's {@code input_audio_buffer.append}). */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pcm16Audio && Arrays.equals(bytes, ((Pcm16Audio) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Pcm16Audio[bytes=" + bytes.length + "]";
  }
}
