package dev.coachkit.adapter.persistence;

import dev.coachkit.adapter.persistence.internal.Jdbc;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.usage.UsageEntry;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Writes the usage entries recorded outside a caller's transaction in batches, on a thread of its own (ADR-0025).
 *
 * <p>{@link #add} keeps the entry in memory and returns; the writer thread waits {@code delay} after the first entry
 * of a batch, then writes every entry it holds in one statement (the entries, their quarter hours and seconds)
 * that commits without waiting for the WAL flush (ADR-0020), and forgets them only once that statement has
 * committed. A failed write keeps the entries and is tried again, backing off up to {@link #MAX_BACKOFF}.
 *
 * <p>Until an entry is written it is <em>pending</em>: {@link #pendingOf} lists a user's, and the ledger adds to its
 * per-turn tally the ones that its own statement did not find in the table (so an entry written between the two
 * looks is counted once, by the table). {@link #flush} waits until every entry added before the call is written;
 * the ledger's other reads call it first. {@link #close} writes what is left.
 */
final class UsageEntryWriter implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(UsageEntryWriter.class);
  /** At most this many entries in one statement. */
  static final int MAX_BATCH = 1000;
  static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);

  /**
   * A batch of entries as one statement, one array parameter per column, committing asynchronously as
   * {@code PanacheUsageEntryRepository}'s single entry does (the CTE {@code a}, joined by the main statement). An id
   * already in the table inserts nothing and adds nothing to the buckets. Each bucket row gets one upsert with the
   * batch's sum for it, in (user, bucket) order, seconds before quarter hours, the order in which a single entry locks
   * them.
   */
  static final String BATCH_SQL = "WITH a AS (SELECT set_config('synchronous_commit', 'off', true)),"
      + " e AS (INSERT INTO usage_entries (id, user_id, voice_session_id, conversation_id, model, input_tokens,"
      + " cached_input_tokens, output_tokens, audio_input_tokens, audio_output_tokens, audio_seconds_in,"
      + " audio_seconds_out, cost_micros, occurred_at)"
      + " SELECT * FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::bigint[], ?::bigint[],"
      + " ?::bigint[], ?::bigint[], ?::bigint[], ?::float8[], ?::float8[], ?::bigint[], ?::timestamptz[])"
      + " ON CONFLICT (id) DO NOTHING RETURNING user_id, occurred_at, cost_micros),"
      + " q AS (" + PanacheUsageEntryRepository.addToBuckets("usage_quarter_hours",
          PanacheUsageEntryRepository.QUARTER_HOUR, "e") + ") "
      + PanacheUsageEntryRepository.addToBuckets("usage_seconds", PanacheUsageEntryRepository.SECOND, "e, a");

  private record Pending(UsageEntry entry, long sequence) {
  }

  private final DataSource dataSource;
  private final long delayNanos;
  private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  /** Set by the writer thread just before it parks with nothing to write; {@link #add} wakes it. */
  private final AtomicBoolean idle = new AtomicBoolean();
  /** Set by {@link #flush}: write now, without waiting for the delay. */
  private volatile boolean urgent;
  private volatile boolean closed;
  private volatile RuntimeException lastFailure;
  private final Object written = new Object();
  private final Thread thread;

  /**
   * @param delay how long the writer waits after the first entry of a batch for more to join it; positive
   */
  UsageEntryWriter(DataSource dataSource, Duration delay) {
    if (delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException("delay must be positive: " + delay);
    }
    this.dataSource = dataSource;
    this.delayNanos = delay.toNanos();
    this.thread = new Thread(this::run, "usage-entry-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Keeps the entry to be written with the next batch; an id already pending changes nothing.
   *
   * @return false, keeping nothing, once the writer is closing: the caller writes the entry itself
   */
  boolean add(UsageEntry entry) {
    if (closed) {
      return false;
    }
    pending.putIfAbsent(entry.id().value(), new Pending(entry, sequence.incrementAndGet()));
    if (idle.get() && idle.compareAndSet(true, false)) {
      LockSupport.unpark(thread);
    }
    return true;
  }

  /** The user's entries not yet known to be written (some may have been written meanwhile). */
  List<UsageEntry> pendingOf(UserId userId) {
    if (pending.isEmpty()) {
      return List.of();
    }
    List<UsageEntry> mine = new ArrayList<>(2);
    for (Pending p : pending.values()) {
      if (p.entry().userId().equals(userId)) {
        mine.add(p.entry());
      }
    }
    return mine;
  }

  /** How many entries wait to be written. */
  int pendingCount() {
    return pending.size();
  }

  /**
   * Returns once every entry added before this call is written.
   *
   * @throws PersistenceException if they could not be written within {@code timeout} (the last failure as cause)
   */
  void flush(Duration timeout) {
    long upTo = sequence.get();
    if (!anyPendingUpTo(upTo)) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    urgent = true;
    LockSupport.unpark(thread);
    synchronized (written) {
      while (anyPendingUpTo(upTo)) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !thread.isAlive()) {
          RuntimeException failure = lastFailure;
          throw new PersistenceException("Usage entries could not be written within " + timeout
              + (failure == null ? "" : ": " + failure.getMessage()), failure);
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(written, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new PersistenceException("Interrupted while usage entries were written", e);
        }
      }
    }
  }

  private boolean anyPendingUpTo(long upTo) {
    for (Pending p : pending.values()) {
      if (p.sequence() <= upTo) {
        return true;
      }
    }
    return false;
  }

  /**
   * Stops taking entries (from now on {@link #add} returns false), writes the pending ones (waiting at most
   * {@code timeout} for the thread) and stops the thread. What is still pending then (an entry added while the thread
   * ended, or one it failed to write) gets one more try on the calling thread; if that fails too it is logged as
   * lost.
   */
  void close(Duration timeout) {
    closed = true;
    LockSupport.unpark(thread);
    try {
      thread.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (pending.isEmpty() || thread.isAlive()) {
      return;
    }
    List<Pending> left = List.copyOf(pending.values());
    try {
      write(left);
      left.forEach(p -> pending.remove(p.entry().id().value(), p));
    } catch (RuntimeException failure) {
      LOG.errorf(failure, "%d usage entries could not be written before shutdown and are lost", left.size());
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  private void run() {
    long backoffNanos = 0;
    while (!closed || (!pending.isEmpty() && backoffNanos == 0)) {
      if (pending.isEmpty()) {
        idle.set(true);
        if (pending.isEmpty() && !closed) {
          LockSupport.park(this);
        }
        idle.set(false);
        continue;
      }
      waitNanos(backoffNanos > 0 ? backoffNanos : delayNanos);
      urgent = false;
      List<Pending> batch = new ArrayList<>(Math.min(pending.size(), MAX_BATCH));
      for (Pending p : pending.values()) {
        if (batch.size() == MAX_BATCH) {
          break;
        }
        batch.add(p);
      }
      try {
        write(batch);
        for (Pending p : batch) {
          pending.remove(p.entry().id().value(), p);
        }
        lastFailure = null;
        backoffNanos = 0;
      } catch (RuntimeException failure) {
        lastFailure = failure;
        backoffNanos = backoffNanos == 0 ? FIRST_BACKOFF.toNanos()
            : Math.min(backoffNanos * 2, MAX_BACKOFF.toNanos());
        LOG.warnf(failure, "Could not write %d usage entries; trying again in %d ms", batch.size(),
            TimeUnit.NANOSECONDS.toMillis(backoffNanos));
      }
      synchronized (written) {
        written.notifyAll();
      }
    }
    synchronized (written) {
      written.notifyAll();
    }
  }

  /** Parks for up to {@code nanos}, less if {@link #flush} or {@link #close} asks for the batch now. */
  private void waitNanos(long nanos) {
    long deadline = System.nanoTime() + nanos;
    long left;
    while (!urgent && !closed && (left = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(this, left);
    }
  }

  private void write(List<Pending> batch) {
    List<UsageEntry> entries = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      entries.add(p.entry());
    }
    entries.sort(Comparator.comparing((UsageEntry e) -> e.userId().value()).thenComparing(UsageEntry::occurredAt));
    int n = entries.size();
    UUID[] ids = new UUID[n];
    String[] users = new String[n];
    UUID[] sessions = new UUID[n];
    UUID[] conversations = new UUID[n];
    String[] models = new String[n];
    Long[] input = new Long[n];
    Long[] cached = new Long[n];
    Long[] output = new Long[n];
    Long[] audioInput = new Long[n];
    Long[] audioOutput = new Long[n];
    Double[] secondsIn = new Double[n];
    Double[] secondsOut = new Double[n];
    Long[] cost = new Long[n];
    String[] occurred = new String[n];
    for (int i = 0; i < n; i++) {
      UsageEntry e = entries.get(i);
      ids[i] = e.id().value();
      users[i] = e.userId().value();
      sessions[i] = e.voiceSessionId().map(VoiceSessionId::value).orElse(null);
      conversations[i] = e.conversationId().map(c -> c.value()).orElse(null);
      models[i] = e.model();
      input[i] = e.tokens().inputTokens();
      cached[i] = e.tokens().cachedInputTokens();
      output[i] = e.tokens().outputTokens();
      audioInput[i] = e.tokens().audioInputTokens();
      audioOutput[i] = e.tokens().audioOutputTokens();
      secondsIn[i] = e.audioSecondsIn();
      secondsOut[i] = e.audioSecondsOut();
      cost[i] = e.costMicros();
      occurred[i] = e.occurredAt().toString();
    }
    Jdbc.run(dataSource, BATCH_SQL, statement -> {
      Connection c = statement.getConnection();
      statement.setArray(1, c.createArrayOf("uuid", ids));
      statement.setArray(2, c.createArrayOf("text", users));
      statement.setArray(3, c.createArrayOf("uuid", sessions));
      statement.setArray(4, c.createArrayOf("uuid", conversations));
      statement.setArray(5, c.createArrayOf("text", models));
      statement.setArray(6, c.createArrayOf("int8", input));
      statement.setArray(7, c.createArrayOf("int8", cached));
      statement.setArray(8, c.createArrayOf("int8", output));
      statement.setArray(9, c.createArrayOf("int8", audioInput));
      statement.setArray(10, c.createArrayOf("int8", audioOutput));
      statement.setArray(11, c.createArrayOf("float8", secondsIn));
      statement.setArray(12, c.createArrayOf("float8", secondsOut));
      statement.setArray(13, c.createArrayOf("int8", cost));
      statement.setArray(14, c.createArrayOf("text", occurred));
    }, PreparedStatement::executeUpdate);
  }
}
