package dev.coachkit.adapter.persistence;

import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.plan.PlanStore;
import dev.coachkit.ports.testing.AbstractCoachDataStoreContractTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The {@link CoachDataStore} contract against PostgreSQL; the plans in force come from the same database. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class PanacheCoachDataRepositoryContractTest extends AbstractCoachDataStoreContractTest {
  @Inject CoachDataStore adapter;
  @Inject PlanStore planAdapter;

  @Override
  protected CoachDataStore newStore() {
    return adapter;
  }

  @Override
  protected PlanStore planStore() {
    return planAdapter;
  }
}
