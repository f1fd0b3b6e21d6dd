package dev.coachkit.adapter.persistence;

import static dev.coachkit.ports.testing.TestConversationFactory.T0;
import static dev.coachkit.ports.testing.TestConversationFactory.assistantText;
import static dev.coachkit.ports.testing.TestConversationFactory.newConversation;
import static dev.coachkit.ports.testing.TestConversationFactory.userText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.arjuna.coordinator.TxStats;
import dev.coachkit.ports.model.coaching.CoachDataWindow;
import dev.coachkit.ports.model.coaching.RecentCoachData;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.ConversationStart;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.usage.UsageTally;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.conversation.ConversationStore;
import dev.coachkit.ports.out.plan.PlanStore;
import dev.coachkit.ports.out.usage.UsageLedger;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestIds;
import dev.coachkit.ports.testing.TestPlanFactory;
import dev.coachkit.ports.testing.TestUsageEntryFactory;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store calls of a chat turn (ADR-0013): one autocommit statement each, without a JTA transaction of their own,
 * while their rare multi-statement paths still get one and a caller's transaction is joined. The coach knowledge,
 * plans in force included, is one of them. Narayana's own statistics count the transactions it begins; Agroal's
 * pool metrics count the connections a call takes, one per statement on these paths.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class PerTurnCallsTransactionTest {
  private static final LocalDate DAY = LocalDate.of(2026, 1, 5);
  private static final CoachDataWindow WINDOW =
      new CoachDataWindow(DAY.minusDays(7), DAY.minusDays(7), DAY, T0.minusSeconds(86_400 * 30L), T0);

  @Inject ConversationStore conversations;
  @Inject UsageLedger ledger;
  @Inject PlanStore plans;
  @Inject CoachDataStore coachData;
  @Inject DataSource dataSource;
  @Inject AgroalDataSource pool;

  @BeforeEach
  void countTransactions() {
    arjPropertyManager.getCoordinatorEnvironmentBean().setEnableStatistics(true);
  }

  @AfterEach
  void stopCounting() {
    arjPropertyManager.getCoordinatorEnvironmentBean().setEnableStatistics(false);
  }

  @Test
  void givenNoTransaction_aTurnsStoreCalls_beginNoJtaTransactionAndStoreEverything() {
    UserId alice = TestIds.user();
    long before = transactions();

    coachData.recent(alice, WINDOW);
    ledger.tally(alice, T0, T0);
    ConversationStart started = conversations.start(newConversation(alice), userText("Hi", T0));
    ledger.record(TestUsageEntryFactory.chat(alice, started.conversation().id(), 100, T0.plusSeconds(1)));
    conversations.append(alice, started.conversation().id(), assistantText("Hello", T0.plusSeconds(1)));
    conversations.history(alice, Optional.empty(), 10);

    assertThat(transactions() - before).isZero();
    assertThat(Sql.count(dataSource, "SELECT count(*) FROM messages WHERE user_id = ?", alice.value())).isEqualTo(2);
    assertThat(conversations.find(alice, started.conversation().id()).orElseThrow().messageCount()).isEqualTo(2);
    assertThat(ledger.tally(alice, T0, T0)).isEqualTo(new UsageTally(100, 1));
  }

  @Test
  void givenCoachDataAndPlansInForce_recent_readsThemAllInOneAutocommitStatement() {
    UserId alice = TestIds.user();
    coachData.saveProfile(TestCoachDataFactory.profile(alice));
    coachData.saveWorkout(TestCoachDataFactory.workout(alice, DAY));
    Plan nutrition = plans.saveNewVersion(TestPlanFactory.newNutritionPlan(alice, T0));
    Plan workout = plans.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, T0.plusSeconds(1)));
    long transactionsBefore = transactions();
    pool.getConfiguration().setMetricsEnabled(true);
    try {
      pool.getMetrics().reset();

      RecentCoachData recent = coachData.recent(alice, WINDOW);

      assertThat(pool.getMetrics().acquireCount()).isEqualTo(1);
      assertThat(transactions() - transactionsBefore).isZero();
      assertThat(recent.profile()).isPresent();
      assertThat(recent.workouts()).hasSize(1);
      assertThat(recent.activePlans()).containsExactly(workout, nutrition);
    } finally {
      pool.getConfiguration().setMetricsEnabled(false);
    }
  }

  @Test
  void givenAppendWithIdempotencyKey_append_runsInOneTransactionOfItsOwn() {
    UserId alice = TestIds.user();
    ConversationStart started = conversations.start(newConversation(alice), userText("Hi", T0));
    long before = transactions();

    conversations.append(alice, started.conversation().id(), userText("Again", T0.plusSeconds(1), "turn-2"));

    assertThat(transactions() - before).isEqualTo(1);
    assertThat(conversations.find(alice, started.conversation().id()).orElseThrow().messageCount()).isEqualTo(2);
  }

  @Test
  void givenConversationKeyUsedBefore_start_appendsToTheEarlierOneInOneTransactionOfItsOwn() {
    UserId alice = TestIds.user();
    ConversationStart first = conversations.start(newConversation(alice, "conversation-1"), userText("Hi", T0));
    long before = transactions();

    ConversationStart again =
        conversations.start(newConversation(alice, "conversation-1"), userText("Hi again", T0.plusSeconds(1)));

    assertThat(transactions() - before).isEqualTo(1);
    assertThat(again.conversation().id()).isEqualTo(first.conversation().id());
    assertThat(again.conversation().messageCount()).isEqualTo(2);
    assertThat(again.first().message().sequence()).isEqualTo(2);
  }

  @Test
  void givenCallerTransactionRolledBack_aTurnsWrites_areUndoneWithIt() {
    UserId alice = TestIds.user();

    assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
      ConversationStart started = conversations.start(newConversation(alice), userText("Hi", T0));
      conversations.append(alice, started.conversation().id(), assistantText("Hello", T0.plusSeconds(1)));
      ledger.record(TestUsageEntryFactory.chat(alice, started.conversation().id(), 100, T0.plusSeconds(1)));
      assertThat(ledger.tally(alice, T0, T0)).isEqualTo(new UsageTally(100, 1));
      throw new IllegalStateException("the caller fails after the writes");
    })).hasMessage("the caller fails after the writes");

    assertThat(Sql.count(dataSource, "SELECT count(*) FROM conversations WHERE user_id = ?", alice.value())).isZero();
    assertThat(Sql.count(dataSource, "SELECT count(*) FROM messages WHERE user_id = ?", alice.value())).isZero();
    assertThat(ledger.tally(alice, T0, T0)).isEqualTo(new UsageTally(0, 0));
  }

  private static long transactions() {
    return TxStats.getInstance().getNumberOfTransactions();
  }
}
