package dev.coachkit.adapter.persistence;

import dev.coachkit.ports.out.usage.UsageLedger;
import dev.coachkit.ports.testing.AbstractUsageLedgerContractTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The {@link UsageLedger} contract against PostgreSQL. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class PanacheUsageEntryRepositoryContractTest extends AbstractUsageLedgerContractTest {
  @Inject UsageLedger adapter;

  @Override
  protected UsageLedger newStore() {
    return adapter;
  }
}
