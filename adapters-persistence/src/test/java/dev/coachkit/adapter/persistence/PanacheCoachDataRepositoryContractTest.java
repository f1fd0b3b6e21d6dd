package dev.coachkit.adapter.persistence;

import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.testing.AbstractCoachDataStoreContractTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The {@link CoachDataStore} contract against PostgreSQL. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class PanacheCoachDataRepositoryContractTest extends AbstractCoachDataStoreContractTest {
  @Inject CoachDataStore adapter;

  @Override
  protected CoachDataStore newStore() {
    return adapter;
  }
}
