package dev.coachkit.server.voice;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * What this JVM did besides the relay during a benchmark window: JIT compile time, GC pauses (count, total, longest)
 * and the CPU of its compiler, GC and event-loop threads. JDK only: the benchmark client reports its own;
 * the chat-turn benchmark takes its GC pause time per row from here too.
 *
 * <p>GC pauses come from the collectors' notifications (millisecond resolution); collectors whose work is concurrent
 * ("… Cycles", "… Concurrent …") are left out, so what is counted is stop-the-world time. Thread CPU comes from
 * {@code /proc/self/task/*}{@code /stat} (Linux, 10 ms ticks), summed by thread name; a thread that ends inside the
 * window takes its ticks with it (the JVM may retire a compiler thread).
 */
public final class JvmActivity {
  private final AtomicLong pauses = new AtomicLong();
  private final AtomicLong pauseMillis = new AtomicLong();
  private final AtomicLong maxPauseMillis = new AtomicLong();
  private Reading start;

  private JvmActivity() {
  }

  /** Starts listening to this JVM's collectors. */
  public static JvmActivity listen() {
    JvmActivity activity = new JvmActivity();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (isConcurrent(gc.getName()) || !(gc instanceof NotificationEmitter)) {
        continue;
      }
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          activity.pause(info.getGcInfo().getDuration());
        }
      }, null, null);
    }
    return activity;
  }

  private static boolean isConcurrent(String collector) {
    return collector.contains("Cycles") || collector.contains("Concurrent");
  }

  private void pause(long millis) {
    pauses.incrementAndGet();
    pauseMillis.addAndGet(millis);
    maxPauseMillis.accumulateAndGet(millis, Math::max);
  }

  /** Starts a window. */
  public void begin() {
    maxPauseMillis.set(0);
    start = read();
  }

  /** Ends the window begun last. */
  public Window end() {
    Reading end = read();
    return new Window(end.compileMillis - start.compileMillis, end.pauses - start.pauses,
        end.pauseMillis - start.pauseMillis, maxPauseMillis.get(), end.jitTicks - start.jitTicks,
        end.gcTicks - start.gcTicks, end.loopTicks - start.loopTicks, end.allTicks - start.allTicks,
        end.allocatedBytes - start.allocatedBytes);
  }

  private Reading read() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long compile = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    long jitTicks = 0;
    long gcTicks = 0;
    long loopTicks = 0;
    long allTicks = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException e) {
          continue; // the thread ended meanwhile
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String name = stat.substring(open + 1, close);
        String[] f = stat.substring(close + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
        allTicks += ticks;
        if (name.contains("CompilerThre")) {
          jitTicks += ticks;
        } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")
            || name.startsWith("ZWorker") || name.startsWith("ZDirector") || name.startsWith("ParGC")) {
          gcTicks += ticks;
        } else if (name.startsWith("vert.x-eventloo")) {
          loopTicks += ticks;
        }
      }
    } catch (IOException | RuntimeException e) {
      jitTicks = gcTicks = loopTicks = allTicks = -1;
    }
    return new Reading(compile, pauses.get(), pauseMillis.get(), jitTicks, gcTicks, loopTicks, allTicks,
        allocatedBytes());
  }

  /** Bytes allocated so far by the threads alive now (a thread that ended takes its count with it). */
  private static long allocatedBytes() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!(threads instanceof com.sun.management.ThreadMXBean)) {
      return -1;
    }
    com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) threads;
    if (!hotspot.isThreadAllocatedMemorySupported() || !hotspot.isThreadAllocatedMemoryEnabled()) {
      return -1;
    }
    long total = 0;
    for (long bytes : hotspot.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      total += Math.max(0, bytes);
    }
    return total;
  }

  private record Reading(long compileMillis, long pauses, long pauseMillis, long jitTicks, long gcTicks,
      long loopTicks, long allTicks, long allocatedBytes) {
  }

  /**
   * One window's activity: JIT compile time (ms, summed over compiler threads), stop-the-world GC pauses, and CPU
   * ticks (10 ms each) of the compiler threads, the GC threads (incl. the VM thread), the Vert.x event loops and the
   * whole process, and the bytes the Java threads allocated.
   */
  public record Window(long compileMillis, long pauses, long pauseMillis, long maxPauseMillis, long jitTicks, long gcTicks,
      long loopTicks, long allTicks, long allocatedBytes) {

    String toProperties(String key) {
      return String.format(Locale.ROOT,
          "%1$s.compileMillis=%2$d%n%1$s.pauses=%3$d%n%1$s.pauseMillis=%4$d%n%1$s.maxPauseMillis=%5$d%n"
              + "%1$s.jitTicks=%6$d%n%1$s.gcTicks=%7$d%n%1$s.loopTicks=%8$d%n%1$s.allTicks=%9$d%n"
              + "%1$s.allocatedBytes=%10$d%n",
          key, compileMillis, pauses, pauseMillis, maxPauseMillis, jitTicks, gcTicks, loopTicks, allTicks,
          allocatedBytes);
    }

    static Window fromProperties(Properties p, String key) {
      return new Window(get(p, key, "compileMillis"), get(p, key, "pauses"), get(p, key, "pauseMillis"),
          get(p, key, "maxPauseMillis"), get(p, key, "jitTicks"), get(p, key, "gcTicks"), get(p, key, "loopTicks"),
          get(p, key, "allTicks"), get(p, key, "allocatedBytes"));
    }

    private static long get(Properties p, String key, String field) {
      return Long.parseLong(p.getProperty(key + "." + field, "-1"));
    }

    /** "12 / 96 ms / 9 ms" (count / total / longest). */
    String pausesText() {
      return String.format(Locale.ROOT, "%d / %d ms / %d ms", pauses, pauseMillis, maxPauseMillis);
    }

    /** Cores a group of threads used over a window of the given length. */
    static String cores(long ticks, double windowNanos) {
      return ticks < 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", ticks * 10e6 / windowNanos);
    }
  }
}
