package dev.coachkit.ports.testing;

import dev.coachkit.ports.out.feedback.FeedbackStore;

class InMemoryFeedbackStoreContractTest extends AbstractFeedbackStoreContractTest {
  @Override
  protected FeedbackStore newStore() {
    return new InMemoryFeedbackStore();
  }
}
