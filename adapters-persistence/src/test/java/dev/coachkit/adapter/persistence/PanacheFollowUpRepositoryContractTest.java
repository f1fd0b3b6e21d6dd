package dev.coachkit.adapter.persistence;

import dev.coachkit.ports.out.followup.FollowUpStore;
import dev.coachkit.ports.testing.AbstractFollowUpStoreContractTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The {@link FollowUpStore} contract against PostgreSQL. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class PanacheFollowUpRepositoryContractTest extends AbstractFollowUpStoreContractTest {
  @Inject FollowUpStore adapter;

  @Override
  protected FollowUpStore newStore() {
    return adapter;
  }
}
