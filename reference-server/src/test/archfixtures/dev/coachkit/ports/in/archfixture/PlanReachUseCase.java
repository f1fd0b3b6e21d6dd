package dev.coachkit.ports.in.archfixture;

import dev.coachkit.ports.out.archfixture.FixtureStore;

/** Breaks rule 3: an in-port that depends on an out-port. */
public interface PlanReachUseCase {
  FixtureStore store();
}
