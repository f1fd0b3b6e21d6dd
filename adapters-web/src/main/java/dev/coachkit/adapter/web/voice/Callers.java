package dev.coachkit.adapter.web.voice;

import dev.coachkit.ports.model.common.UserId;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns the verified identity of a caller into the domain's user id (the token's subject). */
final class Callers {
  private Callers() {
  }

  static UserId userId(SecurityIdentity identity) {
    String subject = identity.getPrincipal() instanceof JsonWebToken && ((JsonWebToken) identity.getPrincipal())
        .getSubject() != null ? ((JsonWebToken) identity.getPrincipal()).getSubject()
        : identity.getPrincipal().getName();
    return UserId.of(subject);
  }
}
