package dev.coachkit.ports.out.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.PlanId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.plan.NewPlan;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.PlanKind;
import dev.coachkit.ports.model.plan.PlanStatus;
import dev.coachkit.ports.testing.TestPlanFactory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract every {@link PlanStore} must honour; the in-memory fake and the real adapters extend it and
 * only provide {@link #newStore()} (and, if they need rows to exist first, the two hooks).
 */
public abstract class AbstractPlanStoreContractTest {

  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  protected PlanStore store;
  private UserId alice;
  private UserId bob;

  /** A fresh, empty store (or one whose other rows do not belong to the users this test creates). */
  protected abstract PlanStore newStore();

  /** Hook: make the user exist where the store needs it; the default needs nothing. */
  protected void givenUser(UserId userId) {}

  /** Hook: a conversation of the user that a plan may name as its source. */
  protected ConversationId givenConversation(UserId userId) {
    return ConversationId.of(UUID.randomUUID());
  }

  @BeforeEach
  void setUpStore() {
    store = newStore();
    alice = UserId.of("alice-" + UUID.randomUUID());
    bob = UserId.of("bob-" + UUID.randomUUID());
    givenUser(alice);
    givenUser(bob);
  }

  private static Instant at(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  @Test
  void givenNoPlans_saveNewVersion_storesVersionOneActive() {
    NewPlan plan = TestPlanFactory.newWorkoutPlan(alice, at(0));

    Plan stored = store.saveNewVersion(plan);

    assertThat(stored.id()).isEqualTo(plan.id());
    assertThat(stored.userId()).isEqualTo(alice);
    assertThat(stored.kind()).isEqualTo(PlanKind.WORKOUT);
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(stored.body()).isEqualTo(plan.body());
    assertThat(stored.createdAt()).isEqualTo(at(0));
  }

  @Test
  void givenSavedPlan_find_returnsItWithBodyAndSource() {
    ConversationId conversation = givenConversation(alice);
    NewPlan plan = new NewPlan(
        PlanId.of(UUID.randomUUID()), alice, Optional.of(conversation), TestPlanFactory.nutritionPlan(), at(0));
    Plan stored = store.saveNewVersion(plan);

    Optional<Plan> found = store.find(alice, plan.id());

    assertThat(found).contains(stored);
    assertThat(found.orElseThrow().sourceConversationId()).contains(conversation);
  }

  @Test
  void givenThreeVersions_saveNewVersion_numbersThemOneTwoThreeAndSupersedesPrevious() {
    Plan first = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, at(0)));
    Plan second = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, at(1)));
    Plan third = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, at(2)));

    assertThat(List.of(first.version(), second.version(), third.version())).containsExactly(1, 2, 3);
    assertThat(store.find(alice, first.id()).orElseThrow().status()).isEqualTo(PlanStatus.SUPERSEDED);
    assertThat(store.find(alice, second.id()).orElseThrow().status()).isEqualTo(PlanStatus.SUPERSEDED);
    assertThat(store.find(alice, third.id()).orElseThrow().status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(store.active(alice, PlanKind.WORKOUT)).contains(third);
  }

  @Test
  void givenActiveWorkoutPlan_saveNewNutritionVersion_leavesWorkoutPlanActive() {
    Plan workout = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, at(0)));

    Plan nutrition = store.saveNewVersion(TestPlanFactory.newNutritionPlan(alice, at(1)));

    assertThat(nutrition.version()).isEqualTo(1);
    assertThat(store.active(alice, PlanKind.WORKOUT)).contains(workout);
    assertThat(store.active(alice, PlanKind.NUTRITION)).contains(nutrition);
  }

  @Test
  void givenAnotherUsersActivePlan_saveNewVersion_leavesItActiveAndStartsAtVersionOne() {
    Plan bobsPlan = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(bob, at(0)));
    store.saveNewVersion(TestPlanFactory.newWorkoutPlan(bob, at(1)));

    Plan alicesPlan = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, at(2)));

    assertThat(alicesPlan.version()).isEqualTo(1);
    assertThat(store.find(bob, bobsPlan.id()).orElseThrow().status()).isEqualTo(PlanStatus.SUPERSEDED);
    assertThat(store.active(bob, PlanKind.WORKOUT).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void givenAnotherUsersPlan_findWithOwnUserId_returnsEmpty() {
    Plan bobsPlan = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(bob, at(0)));

    assertThat(store.find(alice, bobsPlan.id())).isEmpty();
    assertThat(store.find(bob, bobsPlan.id())).isPresent();
  }

  @Test
  void givenUnknownId_find_returnsEmpty() {
    assertThat(store.find(alice, PlanId.of(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void givenExistingId_saveNewVersion_isRejected() {
    NewPlan plan = TestPlanFactory.newWorkoutPlan(alice, at(0));
    store.saveNewVersion(plan);

    assertThatThrownBy(() -> store.saveNewVersion(plan)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.list(alice, Optional.empty())).hasSize(1);
  }

  @Test
  void givenPlansOfBothKinds_list_returnsAllVersionsNewestFirst() {
    Plan w1 = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, at(0)));
    Plan n1 = store.saveNewVersion(TestPlanFactory.newNutritionPlan(alice, at(1)));
    Plan w2 = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, at(2)));
    store.saveNewVersion(TestPlanFactory.newWorkoutPlan(bob, at(3)));

    List<Plan> plans = store.list(alice, Optional.empty());

    assertThat(plans).extracting(Plan::id).containsExactly(w2.id(), n1.id(), w1.id());
  }

  @Test
  void givenPlansOfBothKinds_listOneKind_returnsOnlyThatKind() {
    Plan w1 = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, at(0)));
    store.saveNewVersion(TestPlanFactory.newNutritionPlan(alice, at(1)));
    Plan w2 = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, at(2)));

    List<Plan> plans = store.list(alice, Optional.of(PlanKind.WORKOUT));

    assertThat(plans).extracting(Plan::id).containsExactly(w2.id(), w1.id());
    assertThat(plans).extracting(Plan::status).containsExactly(PlanStatus.ACTIVE, PlanStatus.SUPERSEDED);
  }

  @Test
  void givenVersionsWithSameCreationInstant_list_ordersHigherVersionFirst() {
    Plan first = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, at(0)));
    Plan second = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, at(0)));

    assertThat(store.list(alice, Optional.of(PlanKind.WORKOUT)))
        .extracting(Plan::id)
        .containsExactly(second.id(), first.id());
  }

  @Test
  void givenVersionsOfBothKinds_activePlans_returnsTheOnesInForceWorkoutFirst() {
    store.saveNewVersion(TestPlanFactory.newNutritionPlan(alice, at(0)));
    Plan nutrition = store.saveNewVersion(TestPlanFactory.newNutritionPlan(alice, at(1)));
    store.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, at(2)));
    Plan workout = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, at(3)));
    store.saveNewVersion(TestPlanFactory.newWorkoutPlan(bob, at(4)));

    assertThat(store.activePlans(alice)).containsExactly(workout, nutrition);
  }

  @Test
  void givenOnlyANutritionPlan_activePlans_returnsItAlone() {
    Plan nutrition = store.saveNewVersion(TestPlanFactory.newNutritionPlan(alice, at(0)));

    assertThat(store.activePlans(alice)).containsExactly(nutrition);
    assertThat(store.activePlans(bob)).isEmpty();
  }

  @Test
  void givenNoPlans_listAndActive_areEmpty() {
    assertThat(store.list(alice, Optional.empty())).isEmpty();
    assertThat(store.active(alice, PlanKind.NUTRITION)).isEmpty();
  }

  @Test
  void givenPlansOfTwoUsers_deleteAllOf_removesOnlyThatUsersPlans() {
    Plan w = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, at(0)));
    store.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, at(1)));
    store.saveNewVersion(TestPlanFactory.newNutritionPlan(alice, at(2)));
    Plan bobsPlan = store.saveNewVersion(TestPlanFactory.newNutritionPlan(bob, at(3)));

    int deleted = store.deleteAllOf(alice);

    assertThat(deleted).isEqualTo(3);
    assertThat(store.list(alice, Optional.empty())).isEmpty();
    assertThat(store.find(alice, w.id())).isEmpty();
    assertThat(store.active(alice, PlanKind.WORKOUT)).isEmpty();
    assertThat(store.list(bob, Optional.empty())).containsExactly(bobsPlan);
    assertThat(store.active(bob, PlanKind.NUTRITION)).contains(bobsPlan);
  }

  @Test
  void givenDeletedHistory_saveNewVersion_startsAgainAtVersionOne() {
    store.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, at(0)));
    store.deleteAllOf(alice);

    Plan fresh = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, at(1)));

    assertThat(fresh.version()).isEqualTo(1);
  }
}
