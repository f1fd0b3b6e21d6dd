package dev.coachkit.ports.in.archfixture;

/** Breaks rule 9: an in-port interface whose name does not end in UseCase. */
public interface CoachTalk {
  String talk(String text);
}
