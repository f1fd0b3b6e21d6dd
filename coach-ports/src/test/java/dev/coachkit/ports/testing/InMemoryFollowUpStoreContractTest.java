package dev.coachkit.ports.testing;

import dev.coachkit.ports.out.followup.FollowUpStore;

class InMemoryFollowUpStoreContractTest extends AbstractFollowUpStoreContractTest {
  @Override
  protected FollowUpStore newStore() {
    return new InMemoryFollowUpStore();
  }
}
