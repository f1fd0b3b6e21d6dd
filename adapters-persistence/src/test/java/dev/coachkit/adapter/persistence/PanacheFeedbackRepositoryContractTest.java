package dev.coachkit.adapter.persistence;

import dev.coachkit.ports.out.feedback.FeedbackStore;
import dev.coachkit.ports.testing.AbstractFeedbackStoreContractTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The {@link FeedbackStore} contract against PostgreSQL. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class PanacheFeedbackRepositoryContractTest extends AbstractFeedbackStoreContractTest {
  @Inject FeedbackStore adapter;

  @Override
  protected FeedbackStore newStore() {
    return adapter;
  }
}
