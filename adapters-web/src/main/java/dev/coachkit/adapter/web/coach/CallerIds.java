package dev.coachkit.adapter.web.coach;

import dev.coachkit.adapter.web.problem.ProblemException;
import dev.coachkit.ports.model.common.UserId;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller as a domain id (the bearer token's subject), and path ids parsed so that a bad one reads as absent. */
@RequestScoped
class CallerIds {

  private final SecurityIdentity identity;

  @Inject
  CallerIds(SecurityIdentity identity) {
    this.identity = identity;
  }

  /** The authenticated user: the token's subject. */
  UserId user() {
    String subject = identity.getPrincipal() instanceof JsonWebToken && ((JsonWebToken) identity.getPrincipal())
        .getSubject() != null
        ? ((JsonWebToken) identity.getPrincipal()).getSubject()
        : identity.getPrincipal().getName();
    return UserId.of(subject);
  }

  /** A path id: not a UUID means no such resource (404), like another user's id. */
  static <T> T pathId(String text, Function<UUID, T> wrap, String what) {
    try {
      return wrap.apply(UUID.fromString(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ProblemException.notFound(what);
    }
  }
}
