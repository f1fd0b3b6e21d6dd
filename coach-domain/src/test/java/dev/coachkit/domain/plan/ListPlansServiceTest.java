package dev.coachkit.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.in.plan.GetPlanUseCase.GetPlanQuery;
import dev.coachkit.ports.in.plan.ListPlansUseCase.ListPlansQuery;
import dev.coachkit.ports.model.common.PlanId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.PlanKind;
import dev.coachkit.ports.testing.InMemoryPlanStore;
import dev.coachkit.ports.testing.TestIds;
import dev.coachkit.ports.testing.TestPlanFactory;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ListPlansServiceTest {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private final InMemoryPlanStore store = new InMemoryPlanStore();
  private final UserId ana = TestIds.user();
  private final UserId ben = TestIds.user();

  @Test
  void givenPlansOfBothKinds_list_returnsOnlyTheUsersPlansNewestFirstAndFiltersByKind() {
    Plan v1 = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(ana, T0));
    Plan nutrition = store.saveNewVersion(TestPlanFactory.newNutritionPlan(ana, T0.plusSeconds(60)));
    Plan v2 = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(ana, T0.plusSeconds(120)));
    store.saveNewVersion(TestPlanFactory.newWorkoutPlan(ben, T0));
    ListPlansService service = new ListPlansService(store);

    assertThat(service.list(new ListPlansQuery(ana, Optional.empty())).stream().map(Plan::id))
        .containsExactly(v2.id(), nutrition.id(), v1.id());
    assertThat(service.list(new ListPlansQuery(ana, Optional.of(PlanKind.WORKOUT))).stream().map(Plan::id))
        .containsExactly(v2.id(), v1.id());
  }
}
