package dev.coachkit.adapter.persistence;

import dev.coachkit.ports.out.voice.VoiceSessionStore;
import dev.coachkit.ports.testing.AbstractVoiceSessionStoreContractTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The {@link VoiceSessionStore} contract against PostgreSQL. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class PanacheVoiceSessionRepositoryContractTest extends AbstractVoiceSessionStoreContractTest {
  @Inject VoiceSessionStore adapter;

  @Override
  protected VoiceSessionStore newStore() {
    return adapter;
  }
}
