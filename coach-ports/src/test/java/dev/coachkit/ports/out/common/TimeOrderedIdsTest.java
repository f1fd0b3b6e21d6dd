package dev.coachkit.ports.out.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

  private static final long NOW = 1_795_000_000_000L; // 2026-11-18, in ms

  @Test
  void givenAnyId_next_hasVersion7TheRfcVariantAndTheClocksMillisecondsOnTop() {
    UUID id = new TimeOrderedIds(() -> NOW, new SplittableRandom(1)).next();

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW);
  }

  @Test
  void givenTheSystemGenerator_next_isVersion7AtTodaysTime() {
    long before = System.currentTimeMillis();
    UUID id = IdGenerator.timeOrdered().next();
    long after = System.currentTimeMillis();

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
  }

  @Test
  void givenManyIdsInOneMillisecond_next_sortsInMakingOrderAsPostgresqlSortsUuids() {
    TimeOrderedIds ids = new TimeOrderedIds(() -> NOW, new SplittableRandom(2));
    List<UUID> made = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) { // far more than the 12-bit counter holds: it carries into the timestamp
      made.add(ids.next());
    }

    for (int i = 1; i < made.size(); i++) {
      assertThat(postgresqlOrder(made.get(i - 1), made.get(i))).as("id %d after id %d", i, i - 1).isNegative();
      assertThat(made.get(i - 1)).isLessThan(made.get(i));
    }
    assertThat(made.get(0).getMostSignificantBits() >>> 16).isEqualTo(NOW);
    assertThat(made.get(made.size() - 1).getMostSignificantBits() >>> 16).isGreaterThan(NOW);
  }

  @Test
  void givenAClockThatStepsBack_next_staysInOrderAndResumesTheClockOnceItPasses() {
    AtomicLong clock = new AtomicLong(NOW);
    TimeOrderedIds ids = new TimeOrderedIds(clock::get, new SplittableRandom(3));
    UUID first = ids.next();
    clock.set(NOW - 5_000); // NTP stepped the clock back five seconds
    UUID second = ids.next();
    clock.set(NOW + 1);
    UUID third = ids.next();

    assertThat(postgresqlOrder(first, second)).isNegative();
    assertThat(postgresqlOrder(second, third)).isNegative();
    assertThat(second.getMostSignificantBits() >>> 16).isEqualTo(NOW);
    assertThat(third.getMostSignificantBits() >>> 16).isEqualTo(NOW + 1);
  }

  @Test
  void givenANewMillisecond_next_startsItsCounterInTheLowerHalfAndTakesTheLow62BitsFromTheRandom() {
    long[] draws = {1_500, 0x7FFF_FFFF_FFFF_FFFFL};
    RandomGenerator scripted = new RandomGenerator() {
      private int calls;

      @Override
      public long nextLong() {
        return draws[calls++ % 2];
      }

      @Override
      public int nextInt(int bound) {
        assertThat(bound).isEqualTo(2_048);
        return (int) nextLong();
      }
    };
    UUID id = new TimeOrderedIds(() -> NOW, scripted).next();

    assertThat(id.getMostSignificantBits() & 0xFFF).isEqualTo(1_500);
    assertThat(id.getLeastSignificantBits()).isEqualTo(0xBFFF_FFFF_FFFF_FFFFL); // variant 10, then 62 random ones
  }

  @Test
  void givenThreadsMakingIdsAtOnce_next_neverRepeatsAndKeepsEachThreadsIdsInOrder() throws Exception {
    TimeOrderedIds ids = TimeOrderedIds.system();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<UUID>>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        tasks.add(() -> {
          List<UUID> mine = new ArrayList<>();
          for (int i = 0; i < 25_000; i++) {
            mine.add(ids.next());
          }
          return mine;
        });
      }
      Set<UUID> all = new HashSet<>();
      for (Future<List<UUID>> future : pool.invokeAll(tasks)) {
        List<UUID> mine = future.get();
        for (int i = 1; i < mine.size(); i++) {
          assertThat(postgresqlOrder(mine.get(i - 1), mine.get(i))).isNegative();
        }
        all.addAll(mine);
      }
      assertThat(all).hasSize(100_000);
    } finally {
      pool.shutdownNow();
    }
  }

  /** PostgreSQL orders uuid values by their 16 bytes, unsigned, first to last (uuid_internal_cmp is a memcmp). */
  private static int postgresqlOrder(UUID a, UUID b) {
    return Arrays.compareUnsigned(bytes(a), bytes(b));
  }

  private static byte[] bytes(UUID id) {
    return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
  }
}
