package dev.coachkit.adapter.web.auth;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tells an authenticated caller which subject the server sees in their token. */
@Path("/api/coach/whoami")
@Tag(name = "auth")
@Authenticated
class WhoAmIResource {

  private final SecurityIdentity identity;

  @Inject
  WhoAmIResource(SecurityIdentity identity) {
    this.identity = identity;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The subject of the caller's bearer token")
  public WhoAmIResponse whoAmI() {
    String subject = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
        ? jwt.getSubject()
        : identity.getPrincipal().getName();
    return new WhoAmIResponse(subject);
  }

  /** The caller's subject. */
  record WhoAmIResponse(String subject) {}
}
