package dev.coachkit.adapter.persistence;

import static dev.coachkit.ports.testing.TestConversationFactory.T0;
import static dev.coachkit.ports.testing.TestConversationFactory.newConversation;
import static dev.coachkit.ports.testing.TestConversationFactory.userText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.AppendResult;
import dev.coachkit.ports.model.conversation.Conversation;
import dev.coachkit.ports.out.conversation.ConversationStore;
import dev.coachkit.ports.testing.TestIds;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Appends from many threads at once, checked in the rows themselves. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ConversationAppendConcurrencyTest {
  private static final int THREADS = 20;

  @Inject ConversationStore store;
  @Inject DataSource dataSource;

  @Test
  void given20ThreadsAppendingToOneConversation_append_storesAContiguousSequenceAndLosesNothing() throws Exception {
    UserId alice = TestIds.user();
    Conversation c = store.create(newConversation(alice));
    int perThread = 10;

    List<AppendResult> results = runConcurrently(THREADS, thread -> {
      List<AppendResult> mine = new ArrayList<>();
      for (int i = 0; i < perThread; i++) {
        mine.add(store.append(alice, c.id(), userText("t" + thread + "-" + i, T0.plusSeconds(1))));
      }
      return mine;
    });

    int total = THREADS * perThread;
    assertThat(results).hasSize(total).noneMatch(AppendResult::alreadyStored);
    assertThat(results).extracting(r -> r.message().sequence()).doesNotHaveDuplicates();
    List<Long> stored = new ArrayList<>();
    List<String> contents = new ArrayList<>();
    try (Connection conn = dataSource.getConnection();
        PreparedStatement s = conn.prepareStatement(
            "SELECT sequence_number, content FROM messages WHERE conversation_id = ? ORDER BY sequence_number")) {
      s.setObject(1, c.id().value());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          stored.add(rs.getLong(1));
          contents.add(rs.getString(2));
        }
      }
    }
    assertThat(stored).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    List<String> expected = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      for (int i = 0; i < perThread; i++) {
        expected.add("t" + t + "-" + i);
      }
    }
    assertThat(contents).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(Sql.count(dataSource, "SELECT message_count FROM conversations WHERE id = ?", c.id().value()))
        .isEqualTo(total);
  }

  @Test
  void given20ThreadsAppendingWithOneIdempotencyKey_append_storesOneRowAndEveryCallReturnsIt() throws Exception {
    UserId alice = TestIds.user();
    Conversation c = store.create(newConversation(alice));

    List<AppendResult> results = runConcurrently(THREADS,
        thread -> List.of(store.append(alice, c.id(), userText("attempt " + thread, T0.plusSeconds(1), "turn-1"))));

    assertThat(results).hasSize(THREADS);
    assertThat(results).filteredOn(r -> !r.alreadyStored()).hasSize(1);
    assertThat(results).extracting(AppendResult::message).containsOnly(results.get(0).message());
    assertThat(Sql.count(dataSource, "SELECT count(*) FROM messages WHERE conversation_id = ?", c.id().value()))
        .isEqualTo(1);
    assertThat(store.find(alice, c.id()).orElseThrow().messageCount()).isEqualTo(1);
  }

  interface Work {
    List<AppendResult> run(int thread) throws Exception;
  }

  /** Runs the work on that many threads released together, and collects every result. */
  static List<AppendResult> runConcurrently(int threads, Work work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Callable<List<AppendResult>>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        tasks.add(() -> {
          start.await();
          return work.run(thread);
        });
      }
      List<Future<List<AppendResult>>> futures = new ArrayList<>();
      for (Callable<List<AppendResult>> task : tasks) {
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<AppendResult> all = new ArrayList<>();
      for (Future<List<AppendResult>> f : futures) {
        all.addAll(f.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }
}
