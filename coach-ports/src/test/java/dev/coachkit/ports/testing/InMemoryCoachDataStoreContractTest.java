package dev.coachkit.ports.testing;

import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.plan.PlanStore;

class InMemoryCoachDataStoreContractTest extends AbstractCoachDataStoreContractTest {
  private final InMemoryPlanStore sharedPlans = new InMemoryPlanStore();

  @Override
  protected CoachDataStore newStore() {
    return new InMemoryCoachDataStore(sharedPlans);
  }

  @Override
  protected PlanStore planStore() {
    return sharedPlans;
  }
}
