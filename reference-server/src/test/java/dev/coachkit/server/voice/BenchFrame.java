package dev.coachkit.server.voice;

import java.nio.ByteBuffer;

/**
 * The relay benchmark's 20 ms audio frame: 960 bytes (PCM16, 24 kHz, mono) whose first bytes carry a marker, a
 * {@link System#nanoTime()} stamp, whether the frame is in the measured window, and the session and sequence
 * numbers; the rest is silence. JDK only: the benchmark client runs in its own JVM. Both JVMs run on the same host,
 * where {@code System.nanoTime()} is the system-wide monotonic clock (CLOCK_MONOTONIC on Linux), so a stamp
 * taken in one process can be subtracted from a reading in the other.
 */
final class BenchFrame {
  static final int BYTES = 960;
  static final long MARKER = 0x436f6163684b6974L; // "CoachKit"
  private static final int STAMP = 8;
  private static final int MEASURED = 16;
  private static final int SESSION = 20;
  private static final int SEQUENCE = 24;
  private static final int HEADER = 28;

  private BenchFrame() {
  }

  static byte[] create(long sentNanos, boolean measured, int session, int sequence) {
    byte[] frame = new byte[BYTES];
    ByteBuffer b = ByteBuffer.wrap(frame);
    b.putLong(0, MARKER);
    b.putLong(STAMP, sentNanos);
    b.put(MEASURED, (byte) (measured ? 1 : 0));
    b.putInt(SESSION, session);
    b.putInt(SEQUENCE, sequence);
    return frame;
  }

  static boolean isBenchFrame(byte[] pcm) {
    return pcm != null && pcm.length >= HEADER && ByteBuffer.wrap(pcm).getLong(0) == MARKER;
  }

  static boolean isBenchFrame(ByteBuffer b) {
    return b.remaining() >= HEADER && b.getLong(b.position()) == MARKER;
  }

  static long sentNanos(ByteBuffer b) {
    return b.getLong(b.position() + STAMP);
  }

  static boolean measured(ByteBuffer b) {
    return b.get(b.position() + MEASURED) == 1;
  }

  static int session(ByteBuffer b) {
    return b.getInt(b.position() + SESSION);
  }

  /** Replaces the stamp of a frame's bytes (the model stamps the echo with the time it leaves the model). */
  static void stamp(byte[] frame, long nanos) {
    ByteBuffer.wrap(frame).putLong(STAMP, nanos);
  }
}
