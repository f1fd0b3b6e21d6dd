package dev.coachkit.server.coach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.server.coach.CpuMeter.PostgresChild;
import dev.coachkit.server.coach.CpuMeter.PostgresProcesses;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's split of PostgreSQL's CPU by kind of process, on readings made up for the purpose. */
class CpuMeterTest {

  @Test
  void byKind_workerThatExitsBetweenReadings_countsOnlyItsCpuSinceTheFirstUnderExited() {
    // An autovacuum worker had used 30 at the first reading and 35 when it exited: 5 of it fall between the two.
    PostgresProcesses before = new PostgresProcesses(100, Map.of(
        1L, new PostgresChild("backend", 50), 2L, new PostgresChild("autovacuum worker", 30)));
    PostgresProcesses after = new PostgresProcesses(100 + 35, Map.of(
        1L, new PostgresChild("backend", 80), 3L, new PostgresChild("autovacuum worker", 10)));

    Map<String, Long> kinds = CpuMeter.byKind(before, after);

    assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of(
        "postmaster + exited", 5L, "backend", 30L, "autovacuum worker", 10L));
    long total = (135 + 80 + 10) - (100 + 50 + 30);
    assertThat(kinds.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total)
        .isEqualTo(after.totalNanos() - before.totalNanos());
  }

  @Test
  void byKind_childrenOfOneKind_addUp() {
    PostgresProcesses before = new PostgresProcesses(7, Map.of(
        1L, new PostgresChild("backend", 10), 2L, new PostgresChild("backend", 20)));
    PostgresProcesses after = new PostgresProcesses(9, Map.of(
        1L, new PostgresChild("backend", 15), 2L, new PostgresChild("backend", 26),
        4L, new PostgresChild("walwriter", 3)));

    assertThat(CpuMeter.byKind(before, after)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "postmaster + exited", 2L, "backend", 11L, "walwriter", 3L));
  }
}
