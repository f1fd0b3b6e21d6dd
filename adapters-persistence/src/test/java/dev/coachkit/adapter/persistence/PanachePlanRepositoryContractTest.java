package dev.coachkit.adapter.persistence;

import dev.coachkit.ports.out.plan.AbstractPlanStoreContractTest;
import dev.coachkit.ports.out.plan.PlanStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The {@link PlanStore} contract against PostgreSQL. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class PanachePlanRepositoryContractTest extends AbstractPlanStoreContractTest {
  @Inject PlanStore adapter;

  @Override
  protected PlanStore newStore() {
    return adapter;
  }
}
