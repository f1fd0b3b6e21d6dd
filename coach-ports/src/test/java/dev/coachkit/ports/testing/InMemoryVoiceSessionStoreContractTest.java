package dev.coachkit.ports.testing;

import dev.coachkit.ports.out.voice.VoiceSessionStore;

class InMemoryVoiceSessionStoreContractTest extends AbstractVoiceSessionStoreContractTest {
  @Override
  protected VoiceSessionStore newStore() {
    return new InMemoryVoiceSessionStore();
  }
}
