package dev.coachkit.domain.archfixture;

import dev.coachkit.ports.in.archfixture.AskCoachUseCase;

/** A well-formed domain service the adapter fixtures refer to. */
public final class AskCoachService implements AskCoachUseCase {
  @Override
  public String ask(String question) {
    return question;
  }
}
