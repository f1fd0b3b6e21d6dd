package dev.coachkit.server.voice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Real speech as PCM16 24 kHz mono for the voice tests: spoken by espeak-ng at test time when it is installed
 * (espeak writes 22,050 Hz WAV, resampled here), else the committed {@code voice/speech-24k.wav}.
 */
final class SpeechPcm {
  static final String SENTENCE = "Hello coach. Could you make me a workout plan for three days a week?";
  static final String RESOURCE = "/voice/speech-24k.wav";
  static final int TARGET_RATE = 24_000;

  private SpeechPcm() {
  }

  /** The sentence as PCM16 24 kHz mono little-endian. */
  static byte[] speech() {
    byte[] spoken = espeak(SENTENCE);
    if (spoken != null) {
      return spoken;
    }
    try (InputStream in = SpeechPcm.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("neither espeak-ng nor " + RESOURCE + " is available");
      }
      Wav wav = Wav.parse(in.readAllBytes());
      return resample(wav.samples, wav.rate, TARGET_RATE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** espeak-ng's rendering of the text at 24 kHz, or null when espeak-ng is not installed or fails. */
  static byte[] espeak(String text) {
    Path wavFile = null;
    try {
      wavFile = Files.createTempFile("coach-speech", ".wav");
      Process p = new ProcessBuilder("espeak-ng", "-w", wavFile.toString(), text).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return null;
      }
      Wav wav = Wav.parse(Files.readAllBytes(wavFile));
      return resample(wav.samples, wav.rate, TARGET_RATE);
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      if (wavFile != null) {
        try {
          Files.deleteIfExists(wavFile);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }

  /** Linear-interpolation resampling of mono PCM16 little-endian. */
  static byte[] resample(byte[] pcm, int fromRate, int toRate) {
    int inSamples = pcm.length / 2;
    if (fromRate == toRate || inSamples == 0) {
      return pcm.clone();
    }
    int outSamples = (int) ((long) inSamples * toRate / fromRate);
    byte[] out = new byte[outSamples * 2];
    for (int i = 0; i < outSamples; i++) {
      double pos = (double) i * fromRate / toRate;
      int i0 = (int) pos;
      int i1 = Math.min(i0 + 1, inSamples - 1);
      double frac = pos - i0;
      double v = sample(pcm, i0) * (1 - frac) + sample(pcm, i1) * frac;
      int s = (int) Math.round(Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v)));
      out[2 * i] = (byte) s;
      out[2 * i + 1] = (byte) (s >> 8);
    }
    return out;
  }

  private static int sample(byte[] pcm, int index) {
    return (short) ((pcm[2 * index] & 0xff) | (pcm[2 * index + 1] << 8));
  }

  /** A WAV file as PCM16 mono samples: only the format espeak-ng writes (and what we commit) is accepted. */
  static final class Wav {
    final int rate;
    final byte[] samples;

    private Wav(int rate, byte[] samples) {
      this.rate = rate;
      this.samples = samples;
    }

    static Wav parse(byte[] file) {
      ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
      if (file.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) { // "RIFF", "WAVE"
        throw new IllegalArgumentException("not a WAV file");
      }
      int pos = 12;
      int rate = -1;
      while (pos + 8 <= file.length) {
        int id = b.getInt(pos);
        int size = b.getInt(pos + 4);
        int body = pos + 8;
        if (id == 0x20746d66) { // "fmt "
          int format = b.getShort(body) & 0xffff;
          int channels = b.getShort(body + 2);
          rate = b.getInt(body + 4);
          int bits = b.getShort(body + 14);
          if (format != 1 || channels != 1 || bits != 16) {
            throw new IllegalArgumentException("only PCM16 mono WAV is supported");
          }
        } else if (id == 0x61746164) { // "data"; espeak-ng streams and may leave the size at 0 or too large
          int length = size <= 0 || body + size > file.length ? file.length - body : size;
          if (rate < 0) {
            throw new IllegalArgumentException("WAV data before fmt");
          }
          byte[] data = new byte[length & ~1];
          System.arraycopy(file, body, data, 0, data.length);
          return new Wav(rate, data);
        }
        pos = body + size + (size & 1);
      }
      throw new IllegalArgumentException("WAV without data");
    }

    static byte[] write(byte[] pcm, int rate) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
      h.putInt(0x46464952).putInt(36 + pcm.length).putInt(0x45564157);
      h.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
          .putShort((short) 2).putShort((short) 16);
      h.putInt(0x61746164).putInt(pcm.length);
      out.writeBytes(h.array());
      out.writeBytes(pcm);
      return out.toByteArray();
    }
  }

  /** Writes the committed fallback: {@code java SpeechPcm.java <out.wav>} (needs espeak-ng). */
  public static void main(String[] args) throws IOException {
    byte[] pcm = espeak(SENTENCE);
    if (pcm == null) {
      throw new IllegalStateException("espeak-ng is needed to write the fallback WAV");
    }
    Files.write(Path.of(args[0]), Wav.write(pcm, TARGET_RATE));
  }
}
