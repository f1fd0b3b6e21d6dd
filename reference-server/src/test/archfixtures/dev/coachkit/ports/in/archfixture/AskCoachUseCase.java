package dev.coachkit.ports.in.archfixture;

/** A well-formed use case the other fixtures refer to. */
public interface AskCoachUseCase {
  String ask(String question);
}
