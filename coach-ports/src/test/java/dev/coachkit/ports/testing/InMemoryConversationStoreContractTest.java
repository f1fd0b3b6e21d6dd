package dev.coachkit.ports.testing;

import dev.coachkit.ports.out.conversation.ConversationStore;

class InMemoryConversationStoreContractTest extends AbstractConversationStoreContractTest {
  @Override
  protected ConversationStore newStore() {
    return new InMemoryConversationStore();
  }
}
