package dev.coachkit.ports.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.out.coaching.CheckInClaims;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract every {@link CheckInClaims} must meet. */
public abstract class AbstractCheckInClaimsContractTest {
  private static final LocalDate WEEK = LocalDate.of(2026, 1, 5);
  protected CheckInClaims claims;
  protected UserId alice;
  protected UserId bob;

  protected abstract CheckInClaims newStore();

  @BeforeEach
  void setUpStore() {
    claims = newStore();
    alice = TestIds.user();
    bob = TestIds.user();
  }

  @Test
  void givenUnclaimedWeek_claimTwice_succeedsOnlyTheFirstTime() {
    assertThat(claims.claim(alice, WEEK)).isTrue();
    assertThat(claims.claim(alice, WEEK)).isFalse();
  }

  @Test
  void givenClaimedWeek_claimNextWeekOrOtherUser_succeeds() {
    claims.claim(alice, WEEK);

    assertThat(claims.claim(alice, WEEK.plusWeeks(1))).isTrue();
    assertThat(claims.claim(bob, WEEK)).isTrue();
  }

  @Test
  void givenManyConcurrentClaimers_claim_exactlyOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        tasks.add(() -> claims.claim(alice, WEEK));
      }
      int wins = 0;
      for (Future<Boolean> f : pool.invokeAll(tasks)) {
        wins += f.get() ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenClaimsOfTwoUsers_deleteAllOf_forgetsOnlyThatUsersClaims() {
    claims.claim(alice, WEEK);
    claims.claim(bob, WEEK);

    claims.deleteAllOf(alice);

    assertThat(claims.claim(alice, WEEK)).isTrue();
    assertThat(claims.claim(bob, WEEK)).isFalse();
  }
}
