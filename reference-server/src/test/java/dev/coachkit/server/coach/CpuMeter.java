package dev.coachkit.server.coach;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * For the chat-turn benchmark: CPU time spent during a measured window, by this JVM (server, benchmark client and
 * OpenAI simulator all run in it), by groups of its threads (named with their digits replaced, e.g.
 * {@code executor-thread-#}), and by the PostgreSQL cluster the server uses (its postmaster and every backend,
 * read from /proc, when the cluster runs on this host and its postmaster pid is known). CPU time per operation
 * stays meaningful on a host shared with other work, where throughput and latency do not. (GC pauses:
 * {@link dev.coachkit.server.voice.JvmActivity}.)
 */
final class CpuMeter {

  /** Linux reports /proc/[pid]/stat times in clock ticks; USER_HZ is 100 on every common kernel config. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final OptionalLong postmasterPid;

  CpuMeter(OptionalLong postmasterPid) {
    this.postmasterPid = postmasterPid;
  }

  /** CPU times at one moment. */
  record Reading(long processNanos, Map<Long, long[]> threadNanosById, Map<Long, String> threadNames,
      Optional<PostgresProcesses> postgresProcesses) {
  }

  /** One reading of the cluster's processes: the postmaster with its exited children, and each running child. */
  record PostgresProcesses(long postmasterAndExitedNanos, Map<Long, PostgresChild> children) {

    /** The whole cluster's CPU so far. */
    long totalNanos() {
      return postmasterAndExitedNanos + children.values().stream().mapToLong(PostgresChild::nanos).sum();
    }
  }

  /** A running child of the postmaster: its kind (from its process title) and its CPU so far. */
  record PostgresChild(String kind, long nanos) {
  }

  /** CPU spent between two readings. */
  record Spent(long processNanos, Map<String, Long> nanosByThreadGroup, OptionalLong postgresNanos,
      Map<String, Long> postgresNanosByKind) {

    /** PostgreSQL's CPU by kind of process, largest first, as "kind x ms/op" for {@code operations}. */
    String postgresKinds(long operations) {
      return postgresNanosByKind.isEmpty() ? "not measured" : perOperation(postgresNanosByKind, 8, operations);
    }

    /** The thread groups with the most CPU, largest first, as "group: x ms/op" for {@code operations}. */
    String topGroups(int count, long operations) {
      return perOperation(nanosByThreadGroup, count, operations);
    }

    private static String perOperation(Map<String, Long> nanos, int count, long operations) {
      return nanos.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(count)
          .map(e -> String.format(java.util.Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 1e6 / operations))
          .collect(Collectors.joining(", "));
    }
  }

  Reading read() {
    Map<Long, long[]> byId = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu >= 0) {
        byId.put(info.getThreadId(), new long[] {cpu});
        names.put(info.getThreadId(), info.getThreadName());
      }
    }
    return new Reading(processNanos(), byId, names, postgresProcesses());
  }

  /** This JVM's CPU time so far (all its threads), in nanoseconds. */
  long processNanos() {
    return os.getProcessCpuTime();
  }

  static Spent between(Reading before, Reading after) {
    Map<String, Long> groups = new LinkedHashMap<>();
    after.threadNanosById().forEach((id, cpu) -> {
      long[] earlier = before.threadNanosById().get(id);
      long spent = cpu[0] - (earlier == null ? 0 : earlier[0]);
      groups.merge(group(after.threadNames().get(id)), spent, Long::sum);
    });
    // The cluster's total and its split come from the same two readings, so the split adds up to the total.
    boolean measured = before.postgresProcesses().isPresent() && after.postgresProcesses().isPresent();
    OptionalLong postgres = measured ? OptionalLong.of(after.postgresProcesses().get().totalNanos()
        - before.postgresProcesses().get().totalNanos()) : OptionalLong.empty();
    Map<String, Long> kinds = measured
        ? byKind(before.postgresProcesses().get(), after.postgresProcesses().get()) : Map.of();
    return new Spent(after.processNanos() - before.processNanos(), groups, postgres, kinds);
  }

  /**
   * The cluster's CPU between two readings by kind of process. A child running at both readings counts under its
   * kind, one started since counts all its CPU. A child that exited in between (an autovacuum worker, after its
   * table) counts under "postmaster + exited", which is what the postmaster's children's time grew by less what
   * those children had already used at the first reading. So the kinds add up to what the whole cluster used.
   */
  static Map<String, Long> byKind(PostgresProcesses before, PostgresProcesses after) {
    Map<String, Long> kinds = new LinkedHashMap<>();
    long exitedBefore = 0;
    for (Map.Entry<Long, PostgresChild> child : before.children().entrySet()) {
      if (!after.children().containsKey(child.getKey())) {
        exitedBefore += child.getValue().nanos();
      }
    }
    kinds.put("postmaster + exited",
        after.postmasterAndExitedNanos() - before.postmasterAndExitedNanos() - exitedBefore);
    after.children().forEach((pid, child) -> {
      PostgresChild earlier = before.children().get(pid);
      kinds.merge(child.kind(), child.nanos() - (earlier == null ? 0 : earlier.nanos()), Long::sum);
    });
    return kinds;
  }

  /** A thread's name with its numbers replaced, so that a pool's threads form one group. */
  static String group(String threadName) {
    return threadName == null ? "?" : threadName.replaceAll("[0-9]+", "#");
  }

  /**
   * The cluster's CPU so far: the postmaster's own time, the time of its children that have exited (cutime and
   * cstime) and the time of the children still running (the backends, the WAL writer, the checkpointer…). For the
   * host probe's frequent readings; it does not read the children's titles, as {@link #postgresProcesses} does.
   */
  OptionalLong postgresNanos() {
    Optional<String[]> postmaster = postmasterStat();
    Optional<Map<Long, String[]>> children = postmaster.isEmpty() ? Optional.empty() : children();
    if (children.isEmpty()) {
      return OptionalLong.empty();
    }
    long ticks = ticks(postmaster.get(), true);
    for (String[] child : children.get().values()) {
      ticks += ticks(child, false);
    }
    return OptionalLong.of(ticks * NANOS_PER_TICK);
  }

  /**
   * The cluster's processes and their CPU so far: the postmaster's own time with that of its children that have
   * exited, and each running child with its kind (backends, the WAL writer, autovacuum workers…). Empty if unknown.
   */
  Optional<PostgresProcesses> postgresProcesses() {
    Optional<String[]> postmaster = postmasterStat();
    Optional<Map<Long, String[]>> children = postmaster.isEmpty() ? Optional.empty() : children();
    if (children.isEmpty()) {
      return Optional.empty();
    }
    Map<Long, PostgresChild> running = new HashMap<>();
    children.get().forEach((pid, fields) ->
        running.put(pid, new PostgresChild(kind(pid), ticks(fields, false) * NANOS_PER_TICK)));
    return Optional.of(new PostgresProcesses(ticks(postmaster.get(), true) * NANOS_PER_TICK, running));
  }

  private Optional<String[]> postmasterStat() {
    return postmasterPid.isEmpty() ? Optional.empty() : stat(postmasterPid.getAsLong());
  }

  /** The postmaster's running children: their /proc stat fields by pid. Empty if /proc cannot be listed. */
  private Optional<Map<Long, String[]>> children() {
    long postmaster = postmasterPid.getAsLong();
    Map<Long, String[]> children = new HashMap<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      List<Long> pids = procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
          .map(Long::parseLong).toList();
      for (long pid : pids) {
        Optional<String[]> fields = stat(pid);
        if (fields.isPresent() && Long.parseLong(fields.get()[1]) == postmaster) {
          children.put(pid, fields.get());
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(children);
  }

  /** A PostgreSQL child's kind from its process title: "postgres: walwriter", "postgres: user db host(port) idle". */
  private static String kind(long pid) {
    try {
      String title = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ').trim();
      String rest = title.startsWith("postgres: ") ? title.substring("postgres: ".length()) : title;
      for (String known : List.of("checkpointer", "background writer", "walwriter", "autovacuum launcher",
          "autovacuum worker", "logical replication launcher", "io worker")) {
        if (rest.startsWith(known)) {
          return known;
        }
      }
      return rest.contains("(") ? "backend" : "other";
    } catch (IOException | RuntimeException e) {
      return "other";
    }
  }

  /** The fields of /proc/[pid]/stat after the command name: [0] state, [1] ppid, … [11] utime, [12] stime. */
  private static Optional<String[]> stat(long pid) {
    try {
      String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return Optional.of(text.substring(text.lastIndexOf(')') + 2).split(" "));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static long ticks(String[] fields, boolean withExitedChildren) {
    long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return withExitedChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
  }

  /** The postmaster's pid from {@code postmaster.pid} in the cluster's data directory, when it is readable here. */
  static OptionalLong postmasterOf(String dataDirectory) {
    try {
      String first = Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).trim();
      return OptionalLong.of(Long.parseLong(first));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }
}
