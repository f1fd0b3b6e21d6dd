package dev.coachkit.domain.archfixture;

import dev.coachkit.ports.in.archfixture.AskCoachUseCase;

/** Breaks rule 9: implements a use case but is not named ...Service. */
public final class AskCoachHelper implements AskCoachUseCase {
  @Override
  public String ask(String question) {
    return question;
  }
}
