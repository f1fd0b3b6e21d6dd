package dev.coachkit.domain.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallMailboxTest {
  private final List<String> ran = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
  private final GateExecutor gate = new GateExecutor();
  private final CallMailbox mailbox = new CallMailbox(gate, (t, e) -> ran.add("failed: " + e.getMessage()));

  private Runnable task(String name) {
    return () -> {
      ran.add(name);
      threads.add(Thread.currentThread());
    };
  }

  private CallMailbox.QuickTask quick(String name, boolean quickNow) {
    return quickTask(quickNow, task(name));
  }

  /** A quick task running {@code body}, quick at submission or not as {@code quickNow} says. */
  private static CallMailbox.QuickTask quickTask(boolean quickNow, Runnable body) {
    return new CallMailbox.QuickTask() {
      @Override
      boolean isQuickNow() {
        return quickNow;
      }

      @Override
      public void run() {
        body.run();
      }
    };
  }

  @Test
  void givenIdleMailbox_submitQuick_runsAtOnceOnTheCallingThreadWithoutTheExecutor() {
    gate.close();

    mailbox.submitQuick(quick("audio", true));

    assertThat(ran).containsExactly("audio");
    assertThat(threads).containsExactly(Thread.currentThread());
    assertThat(gate.held()).isZero();
  }

  @Test
  void givenTaskWaitingForTheExecutor_submitQuick_queuesBehindIt() {
    gate.close();
    mailbox.submit(task("stop_recording"));

    mailbox.submitQuick(quick("audio", true));

    assertThat(ran).isEmpty();
    gate.open();
    assertThat(ran).containsExactly("stop_recording", "audio");
  }

  @Test
  void givenQuickTaskThatWouldBlockNow_submitQuick_runsItFirstOnTheExecutor() {
    gate.close();

    mailbox.submitQuick(quick("new item", false));
    mailbox.submitQuick(quick("later audio", true));

    assertThat(ran).isEmpty();
    gate.open();
    assertThat(ran).containsExactly("new item", "later audio");
  }

  @Test
  void givenQuickTasksQueuedWhileOneRunsInline_submitQuick_runsThemToo() {
    gate.close();

    mailbox.submitQuick(quickTask(true, () -> {
      ran.add("client audio");
      mailbox.submitQuick(quick("echoed audio", true)); // e.g. an upstream that answers synchronously
      ran.add("client audio done");
    }));

    assertThat(ran).containsExactly("client audio", "client audio done", "echoed audio");
    assertThat(gate.held()).isZero();
  }

  @Test
  void givenBlockingTaskQueuedWhileQuickTaskRunsInline_submitQuick_leavesItToTheExecutor() {
    gate.close();

    mailbox.submitQuick(quickTask(true, () -> {
      ran.add("audio");
      mailbox.submit(task("store transcript"));
      mailbox.submitQuick(quick("audio after it", true));
    }));

    assertThat(ran).containsExactly("audio");
    assertThat(gate.held()).isEqualTo(1);
    gate.open();
    assertThat(ran).containsExactly("audio", "store transcript", "audio after it");
  }

  @Test
  void givenManyQuickTasksQueued_submitQuick_handsOverToTheExecutorAfterItsBudget() {
    gate.close();
    int queued = CallMailbox.INLINE_BUDGET + 5;

    mailbox.submitQuick(quickTask(true, () -> {
      for (int i = 0; i < queued; i++) {
        mailbox.submitQuick(quick("q" + i, true));
      }
    }));

    assertThat(ran).hasSize(CallMailbox.INLINE_BUDGET);
    gate.open();
    assertThat(ran).hasSize(queued);
  }

  @Test
  void givenFailingQuickTask_submitQuick_reportsItAndKeepsWorking() {
    mailbox.submitQuick(quickTask(true, () -> {
      throw new IllegalStateException("boom");
    }));
    mailbox.submitQuick(quick("next", true));

    assertThat(ran).containsExactly("failed: boom", "next");
  }

  @Test
  void givenProducersOnManyThreads_submitAndSubmitQuick_neverOverlapAndKeepEachProducersOrder() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    ExecutorService producers = Executors.newFixedThreadPool(4);
    try {
      AtomicInteger inFlight = new AtomicInteger();
      AtomicInteger overlaps = new AtomicInteger();
      int perProducer = 20_000;
      int[][] seen = new int[4][perProducer];
      int[] next = new int[4];
      List<String> outOfOrder = Collections.synchronizedList(new ArrayList<>());
      CallMailbox shared = new CallMailbox(pool, (t, e) -> outOfOrder.add("failed " + e));
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> running = new ArrayList<>();
      for (int p = 0; p < 4; p++) {
        int producer = p;
        running.add(producers.submit(() -> {
          go.await();
          for (int i = 0; i < perProducer; i++) {
            int sequence = i;
            Runnable body = () -> {
              if (inFlight.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
              }
              // Only the mailbox's holder touches these: no lock, as in a call.
              if (next[producer] != sequence) {
                outOfOrder.add(producer + ": expected " + next[producer] + " got " + sequence);
              }
              seen[producer][sequence]++;
              next[producer] = sequence + 1;
              inFlight.decrementAndGet();
            };
            if (i % 3 == 0) {
              shared.submit(body);
            } else {
              // now and then one that must go to the executor
              shared.submitQuick(quickTask(sequence % 7 != 0, body));
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : running) {
        f.get(60, TimeUnit.SECONDS);
      }
      CountDownLatch drained = new CountDownLatch(1);
      shared.submit(drained::countDown);
      assertThat(drained.await(30, TimeUnit.SECONDS)).isTrue();

      assertThat(overlaps.get()).as("tasks that ran while another task of the call was running").isZero();
      assertThat(outOfOrder).as("tasks that overtook an earlier one of the same producer").isEmpty();
      for (int p = 0; p < 4; p++) {
        for (int i = 0; i < perProducer; i++) {
          assertThat(seen[p][i]).as("task %d of producer %d ran once", i, p).isEqualTo(1);
        }
      }
    } finally {
      pool.shutdownNow();
      producers.shutdownNow();
    }
  }
}
