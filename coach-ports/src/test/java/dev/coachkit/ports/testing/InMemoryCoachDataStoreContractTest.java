package dev.coachkit.ports.testing;

import dev.coachkit.ports.out.coaching.CoachDataStore;

class InMemoryCoachDataStoreContractTest extends AbstractCoachDataStoreContractTest {
  @Override
  protected CoachDataStore newStore() {
    return new InMemoryCoachDataStore();
  }
}
