package dev.coachkit.ports.testing;

import dev.coachkit.ports.out.usage.UsageLedger;

class InMemoryUsageLedgerContractTest extends AbstractUsageLedgerContractTest {
  @Override
  protected UsageLedger newStore() {
    return new InMemoryUsageLedger();
  }
}
