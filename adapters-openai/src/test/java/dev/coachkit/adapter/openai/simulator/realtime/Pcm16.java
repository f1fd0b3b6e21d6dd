package dev.coachkit.adapter.openai.simulator.realtime;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Random;

/** PCM16 24 kHz mono little-endian audio helpers for the Realtime simulator and its users: generate, measure. */
public final class Pcm16 {

  /** The only sample rate the Realtime API accepts for {@code pcm16} / {@code audio/pcm}. */
  public static final int SAMPLE_RATE = 24_000;
  /** Bytes per millisecond of PCM16 24 kHz mono. */
  public static final int BYTES_PER_MS = SAMPLE_RATE * 2 / 1000;

  private Pcm16() {
  }

  /** Digital silence of the given length. */
  public static byte[] silence(int ms) {
    return new byte[ms * BYTES_PER_MS];
  }

  /** A sine tone; amplitude is a fraction of full scale (0..1). */
  public static byte[] tone(int ms, double frequencyHz, double amplitude) {
    int samples = ms * SAMPLE_RATE / 1000;
    byte[] out = new byte[samples * 2];
    for (int i = 0; i < samples; i++) {
      double v = Math.sin(2 * Math.PI * frequencyHz * i / SAMPLE_RATE) * amplitude;
      put(out, i, v);
    }
    return out;
  }

  /** Uniform white noise; amplitude is a fraction of full scale (0..1). */
  public static byte[] noise(int ms, double amplitude, long seed) {
    Random random = new Random(seed);
    int samples = ms * SAMPLE_RATE / 1000;
    byte[] out = new byte[samples * 2];
    for (int i = 0; i < samples; i++) {
      put(out, i, (random.nextDouble() * 2 - 1) * amplitude);
    }
    return out;
  }

  /** Concatenates audio segments. */
  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** Root-mean-square level of a whole buffer as a fraction of full scale (0..1). */
  public static double rms(byte[] pcm) {
    return rms(pcm, 0, pcm.length);
  }

  /** Root-mean-square level of {@code length} bytes from {@code offset}, as a fraction of full scale. */
  public static double rms(byte[] pcm, int offset, int length) {
    int samples = length / 2;
    if (samples == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < samples; i++) {
      int lo = pcm[offset + 2 * i] & 0xff;
      int hi = pcm[offset + 2 * i + 1];
      double s = (short) ((hi << 8) | lo) / 32768.0;
      sum += s * s;
    }
    return Math.sqrt(sum / samples);
  }

  /** Duration in milliseconds of a PCM16 24 kHz mono buffer. */
  public static double durationMs(byte[] pcm) {
    return pcm.length / (double) BYTES_PER_MS;
  }

  /** Base64 as the Realtime API carries audio in JSON. */
  public static String base64(byte[] pcm) {
    return Base64.getEncoder().encodeToString(pcm);
  }

  /** Decodes base64 audio from an event. */
  public static byte[] fromBase64(String b64) {
    return Base64.getDecoder().decode(b64);
  }

  private static void put(byte[] out, int sample, double value) {
    int v = (int) Math.round(Math.max(-1, Math.min(1, value)) * 32767);
    out[2 * sample] = (byte) v;
    out[2 * sample + 1] = (byte) (v >> 8);
  }
}
