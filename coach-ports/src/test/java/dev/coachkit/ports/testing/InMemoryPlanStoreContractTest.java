package dev.coachkit.ports.testing;

import dev.coachkit.ports.out.plan.AbstractPlanStoreContractTest;
import dev.coachkit.ports.out.plan.PlanStore;

class InMemoryPlanStoreContractTest extends AbstractPlanStoreContractTest {

  @Override
  protected PlanStore newStore() {
    return new InMemoryPlanStore();
  }
}
