package dev.coachkit.adapter.web.archfixture;

import dev.coachkit.domain.archfixture.AskCoachService;

/** Breaks rule 5: an adapter that depends on the domain instead of a port. */
public final class WebCallingDomain {
  public String ask(AskCoachService service) {
    return service.ask("hi");
  }
}
