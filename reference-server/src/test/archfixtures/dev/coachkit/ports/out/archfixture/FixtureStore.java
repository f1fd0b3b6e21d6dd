package dev.coachkit.ports.out.archfixture;

import dev.coachkit.ports.in.archfixture.AskCoachUseCase;

/** Breaks rule 3: an out-port that depends on an in-port. */
public interface FixtureStore {
  void save(AskCoachUseCase useCase);
}
