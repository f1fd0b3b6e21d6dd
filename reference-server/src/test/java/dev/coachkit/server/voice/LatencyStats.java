package dev.coachkit.server.voice;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of a set of nanosecond samples (nearest rank). JDK only: the benchmark client uses it too. */
record LatencyStats(long count, long p50, long p90, long p99, long p999, long max) {

  static LatencyStats of(long[] samples) {
    long[] s = samples.clone();
    Arrays.sort(s);
    if (s.length == 0) {
      return new LatencyStats(0, 0, 0, 0, 0, 0);
    }
    return new LatencyStats(s.length, rank(s, 0.50), rank(s, 0.90), rank(s, 0.99), rank(s, 0.999), s[s.length - 1]);
  }

  private static long rank(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** {@code key.count=…} lines, for the client's result file. */
  String toProperties(String key) {
    return key + ".count=" + count + "\n" + key + ".p50=" + p50 + "\n" + key + ".p90=" + p90 + "\n" + key + ".p99="
        + p99 + "\n" + key + ".p999=" + p999 + "\n" + key + ".max=" + max + "\n";
  }

  static LatencyStats fromProperties(java.util.Properties p, String key) {
    return new LatencyStats(Long.parseLong(p.getProperty(key + ".count")), Long.parseLong(p.getProperty(key + ".p50")),
        Long.parseLong(p.getProperty(key + ".p90")), Long.parseLong(p.getProperty(key + ".p99")),
        Long.parseLong(p.getProperty(key + ".p999")), Long.parseLong(p.getProperty(key + ".max")));
  }

  static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
  }
}
