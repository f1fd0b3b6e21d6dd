package dev.coachkit.domain.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.in.followup.ListFollowUpsQuery;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.followup.FollowUp;
import dev.coachkit.ports.testing.InMemoryFollowUpStore;
import dev.coachkit.ports.testing.MutableClock;
import dev.coachkit.ports.testing.TestFollowUpFactory;
import dev.coachkit.ports.testing.TestIds;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ListFollowUpsServiceTest {
  private final MutableClock clock = new MutableClock();
  private final InMemoryFollowUpStore store = new InMemoryFollowUpStore();
  private final ListFollowUpsService service = new ListFollowUpsService(store, clock);
  private final UserId user = TestIds.user();

  @Test
  void givenFollowUpsDueNowAndLater_listDue_returnsOnlyThoseDueByTheClock() {
    FollowUp past = TestFollowUpFactory.scheduled(user, "past", clock.instant().minus(Duration.ofHours(1)));
    FollowUp later = TestFollowUpFactory.scheduled(user, "later", clock.instant().plus(Duration.ofHours(1)));
    FollowUp done = TestFollowUpFactory.completed(
        TestFollowUpFactory.scheduled(user, "done", clock.instant().minus(Duration.ofHours(2))), clock.instant());
    store.save(past);
    store.save(later);
    store.save(done);
    store.save(TestFollowUpFactory.scheduled(TestIds.user(), "someone else", clock.instant().minusSeconds(1)));

    assertThat(service.list(new ListFollowUpsQuery(user, true))).containsExactly(past);
    clock.advance(Duration.ofHours(2));
    assertThat(service.list(new ListFollowUpsQuery(user, true))).containsExactly(past, later);
    assertThat(service.list(new ListFollowUpsQuery(user, false))).containsExactly(done, past, later);
  }
}
