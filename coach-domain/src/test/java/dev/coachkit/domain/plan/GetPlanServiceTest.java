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

class GetPlanServiceTest {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private final InMemoryPlanStore store = new InMemoryPlanStore();
  private final UserId ana = TestIds.user();
  private final UserId ben = TestIds.user();

  @Test
  void givenAnotherUsersPlanId_get_isNotFound() {
    Plan bens = store.saveNewVersion(TestPlanFactory.newWorkoutPlan(ben, T0));

    assertThat(new GetPlanService(store).get(new GetPlanQuery(ana, bens.id()))).isEmpty();
    assertThat(new GetPlanService(store).get(new GetPlanQuery(ben, bens.id()))).contains(bens);
  }

  @Test
  void givenUnknownPlanId_get_isNotFound() {
    assertThat(new GetPlanService(store).get(new GetPlanQuery(ana, PlanId.of(UUID.randomUUID())))).isEmpty();
  }
}
