package dev.coachkit.server.auth;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Answers a bearer-token request from {@link VerifiedTokenIdentities} when the same token verified a moment ago;
 * otherwise it answers nothing and quarkus-oidc's own provider, which runs after it, verifies the token as always
 * ({@link VerifiedTokenRecorder} then stores the result). It never refuses a token: a refusal is quarkus-oidc's.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

  private final VerifiedTokenIdentities identities;

  CachedTokenIdentityProvider(VerifiedTokenIdentities identities) {
    this.identities = identities;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public int priority() {
    // Before quarkus-oidc's provider (the default, SYSTEM_FIRST + 1).
    return SYSTEM_FIRST + 100;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    if (!(request.getToken() instanceof AccessTokenCredential) || request.getToken().getToken() == null) {
      return Uni.createFrom().nullItem();
    }
    Optional<SecurityIdentity> known = identities.find(request.getToken().getToken(),
        HttpSecurityUtils.getRoutingContextAttribute(request), context);
    return known.isPresent() ? Uni.createFrom().item(known.get()) : Uni.createFrom().nullItem();
  }
}
