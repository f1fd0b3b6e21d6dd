package dev.coachkit.ports.testing;

import dev.coachkit.ports.out.coaching.CheckInClaims;

class InMemoryCheckInClaimsContractTest extends AbstractCheckInClaimsContractTest {
  @Override
  protected CheckInClaims newStore() {
    return new InMemoryCheckInClaims();
  }
}
