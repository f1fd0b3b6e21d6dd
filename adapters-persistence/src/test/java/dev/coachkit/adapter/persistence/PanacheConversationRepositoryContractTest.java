package dev.coachkit.adapter.persistence;

import dev.coachkit.ports.out.conversation.ConversationStore;
import dev.coachkit.ports.testing.AbstractConversationStoreContractTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The {@link ConversationStore} contract against PostgreSQL. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class PanacheConversationRepositoryContractTest extends AbstractConversationStoreContractTest {
  @Inject ConversationStore adapter;

  @Override
  protected ConversationStore newStore() {
    return adapter;
  }
}
