package dev.coachkit.server.coach;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * For the chat-turn benchmark: what the host did during a row, per second, to tell a stall of the server from a
 * stall of the machine. Every 50 ms a daemon thread writes 8 KiB to a file next to the database's and flushes it
 * to the disk ({@code FileChannel.force(false)}, an {@code fdatasync}, as PostgreSQL's WAL flush does), timing the
 * flush; and reads the kernel's pressure-stall counters ({@code /proc/pressure/cpu} and {@code io}: the time some
 * runnable task waited for a CPU, or some task waited for I/O), the sectors written to the disk the file is on
 * ({@code /proc/diskstats}, by anyone) and this JVM's JIT compilation time (its compiler threads compete with the
 * server's for the same CPUs). Every fifth sample (250 ms) it also reads the CPU time used so far by this JVM and by
 * the PostgreSQL cluster ({@link CpuMeter}). A second of the row in which turns stall together and the flush took
 * tens of milliseconds, or CPU pressure rose while this JVM and PostgreSQL did not use the two CPUs, is the host's
 * doing; the same with both CPUs busy is the load itself needing more than the machine has; a burst of writes in that
 * second says the disk was busy with more than the WAL while every commit waited for its own flush.
 */
final class HostProbe implements AutoCloseable {

  private static final long INTERVAL_MILLIS = 50;
  /** CPU times are read every this many samples: reading PostgreSQL's means reading every process's /proc stat. */
  private static final int CPU_EVERY = 5;
  private static final Path DISKSTATS = Path.of("/proc/diskstats");

  /**
   * One sample: when (nanoTime), the flush's time, the pressure counters (microseconds), the disk's sectors
   * written so far, this JVM's JIT compilation time so far (ms), and the CPU time used so far by this JVM and by
   * PostgreSQL (ns); -1 where unknown or not read in this sample.
   */
  private record Sample(long atNanos, long flushNanos, long cpuSomeMicros, long ioSomeMicros, long sectorsWritten,
      long jitMillis, long jvmCpuNanos, long postgresCpuNanos) {
  }

  private final Path file;
  private final String device;
  private final CpuMeter cpu;
  private final List<Sample> samples = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  HostProbe(Path directory, CpuMeter cpu) throws IOException {
    this.cpu = cpu;
    Files.createDirectories(directory);
    this.file = directory.resolve("host-probe.dat");
    this.device = deviceOf(directory);
    this.thread = new Thread(this::loop, "bench-host-probe");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    ByteBuffer block = ByteBuffer.allocateDirect(8192);
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      long position = 0;
      for (long n = 0; running; n++) {
        block.clear();
        channel.write(block, position);
        position = (position + 8192) % (1 << 20);
        long before = System.nanoTime();
        channel.force(false);
        long flush = System.nanoTime() - before;
        boolean readCpu = n % CPU_EVERY == 0;
        OptionalLong postgres = readCpu ? cpu.postgresNanos() : OptionalLong.empty();
        Sample sample = new Sample(before, flush, someMicros("cpu"), someMicros("io"), sectorsWritten(),
            jit.getTotalCompilationTime(), readCpu ? cpu.processNanos() : -1, postgres.orElse(-1));
        synchronized (samples) {
          samples.add(sample);
        }
        Thread.sleep(INTERVAL_MILLIS);
      }
    } catch (IOException | InterruptedException e) {
      running = false;
    }
  }

  /** The "some … total=" counter of /proc/pressure/{kind}, in microseconds; -1 where the kernel has none. */
  private static long someMicros(String kind) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/pressure", kind))) {
        if (line.startsWith("some")) {
          return Long.parseLong(line.substring(line.lastIndexOf("total=") + 6).trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      // no pressure-stall information on this kernel
    }
    return -1;
  }

  /**
   * The sectors (512 bytes) written to the probe file's disk since boot, the tenth field of its line in
   * /proc/diskstats; -1 where unknown (another system, or a file system on no block device).
   */
  private long sectorsWritten() {
    if (device == null) {
      return -1;
    }
    try (BufferedReader reader = Files.newBufferedReader(DISKSTATS)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length > 9 && device.equals(fields[0] + ":" + fields[1])) {
          return Long.parseLong(fields[9]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // no diskstats on this system
    }
    return -1;
  }

  /** "major:minor" of the block device {@code directory} is on (Linux's st_dev encoding), or null if unknown. */
  private static String deviceOf(Path directory) {
    try {
      long dev = ((Number) Files.getAttribute(directory, "unix:dev")).longValue();
      long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
      long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
      return major + ":" + minor;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Per second from {@code startNanos} over {@code seconds} seconds: the slowest flush (ms), and the CPU and I/O
   * pressure (ms of that second in which some task waited), the MiB written to the disk, the JIT's compiling
   * time (ms), and the CPU this JVM and PostgreSQL used (ms a second, from that second's first to its last CPU
   * reading, about 750 ms apart, scaled to the second).
   */
  String perSecond(long startNanos, int seconds) {
    long[] slowest = new long[seconds];
    long[] cpuFirst = filled(seconds);
    long[] cpuLast = filled(seconds);
    long[] ioFirst = filled(seconds);
    long[] ioLast = filled(seconds);
    long[] writtenFirst = filled(seconds);
    long[] writtenLast = filled(seconds);
    long[] jitFirst = filled(seconds);
    long[] jitLast = filled(seconds);
    CpuRate jvmCpu = new CpuRate(seconds);
    CpuRate postgresCpu = new CpuRate(seconds);
    synchronized (samples) {
      for (Sample sample : samples) {
        long offset = sample.atNanos - startNanos;
        if (offset < 0 || offset >= seconds * 1_000_000_000L) {
          continue;
        }
        int second = (int) (offset / 1_000_000_000L);
        slowest[second] = Math.max(slowest[second], sample.flushNanos);
        note(cpuFirst, cpuLast, second, sample.cpuSomeMicros);
        note(ioFirst, ioLast, second, sample.ioSomeMicros);
        note(writtenFirst, writtenLast, second, sample.sectorsWritten);
        note(jitFirst, jitLast, second, sample.jitMillis);
        jvmCpu.note(second, sample.atNanos, sample.jvmCpuNanos);
        postgresCpu.note(second, sample.atNanos, sample.postgresCpuNanos);
      }
    }
    StringBuilder flush = new StringBuilder();
    StringBuilder cpu = new StringBuilder();
    StringBuilder io = new StringBuilder();
    StringBuilder written = new StringBuilder();
    StringBuilder compiling = new StringBuilder();
    for (int s = 0; s < seconds; s++) {
      String gap = s == 0 ? "" : " ";
      flush.append(gap).append(String.format(Locale.ROOT, "%.1f", slowest[s] / 1e6));
      cpu.append(gap).append(delta(cpuFirst[s], cpuLast[s]));
      io.append(gap).append(delta(ioFirst[s], ioLast[s]));
      // the sectors written between this second's first sample and its last, in MiB
      written.append(gap).append(writtenFirst[s] < 0 ? "?"
          : String.format(Locale.ROOT, "%.1f", (writtenLast[s] - writtenFirst[s]) * 512 / 1048576.0));
      compiling.append(gap).append(jitFirst[s] < 0 ? "?" : Long.toString(jitLast[s] - jitFirst[s]));
    }
    return "slowest fdatasync per second (ms): " + flush + "; CPU pressure per second (ms some task waited): " + cpu
        + "; I/O pressure per second (ms): " + io
        + "; MiB written to the database's disk per second (all processes): " + written
        + "; JIT compiling in this JVM per second (ms): " + compiling
        + "; CPU used by this JVM per second (ms): " + jvmCpu.perSecond()
        + "; CPU used by PostgreSQL per second (ms): " + postgresCpu.perSecond();
  }

  /** A CPU-time counter's rate in each second: the first and last reading in the second, and when each was taken. */
  private static final class CpuRate {
    private final long[] firstAt;
    private final long[] first;
    private final long[] lastAt;
    private final long[] last;

    CpuRate(int seconds) {
      firstAt = filled(seconds);
      first = filled(seconds);
      lastAt = filled(seconds);
      last = filled(seconds);
    }

    void note(int second, long atNanos, long cpuNanos) {
      if (cpuNanos < 0) {
        return;
      }
      if (first[second] < 0) {
        first[second] = cpuNanos;
        firstAt[second] = atNanos;
      }
      last[second] = cpuNanos;
      lastAt[second] = atNanos;
    }

    /** Milliseconds of CPU per second of wall time, per second; "?" for a second with fewer than two readings. */
    String perSecond() {
      StringBuilder out = new StringBuilder();
      for (int s = 0; s < first.length; s++) {
        out.append(s == 0 ? "" : " ");
        long wall = lastAt[s] - firstAt[s];
        out.append(first[s] < 0 || wall <= 0 ? "?" : Long.toString((last[s] - first[s]) * 1000 / wall));
      }
      return out.toString();
    }
  }

  private static long[] filled(int length) {
    long[] values = new long[length];
    java.util.Arrays.fill(values, -1);
    return values;
  }

  private static void note(long[] first, long[] last, int second, long value) {
    if (value < 0) {
      return;
    }
    if (first[second] < 0) {
      first[second] = value;
    }
    last[second] = value;
  }

  private static String delta(long first, long last) {
    return first < 0 ? "?" : Long.toString((last - first) / 1000);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
