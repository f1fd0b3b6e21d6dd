package dev.coachkit.server.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stores the identity quarkus-oidc made of a bearer token it just verified, before any other augmentor changes it
 * (it runs first), and passes the identity on unchanged. Augmentors run again for an identity from the cache, as
 * for every request.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

  private final VerifiedTokenIdentities identities;

  VerifiedTokenRecorder(VerifiedTokenIdentities identities) {
    this.identities = identities;
  }

  @Override
  public int priority() {
    return Integer.MAX_VALUE;
  }

  @Override
  public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
    identities.remember(identity);
    return Uni.createFrom().item(identity);
  }
}
