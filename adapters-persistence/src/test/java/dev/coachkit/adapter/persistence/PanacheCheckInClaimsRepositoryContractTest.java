package dev.coachkit.adapter.persistence;

import dev.coachkit.ports.out.coaching.CheckInClaims;
import dev.coachkit.ports.testing.AbstractCheckInClaimsContractTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The {@link CheckInClaims} contract against PostgreSQL. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class PanacheCheckInClaimsRepositoryContractTest extends AbstractCheckInClaimsContractTest {
  @Inject CheckInClaims adapter;

  @Override
  protected CheckInClaims newStore() {
    return adapter;
  }
}
