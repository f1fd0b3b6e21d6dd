package dev.coachkit.adapter.web.auth;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Tells a browser, before it has any token, how to sign in: with the local issuer, or at the identity provider
 * as a public OIDC client (Authorization Code + PKCE). Holds no secret: everything here is public registration data.
 */
@Path("/api/client-config")
@Tag(name = "auth")
class ClientConfigResource {

  static final String LOCAL = "local";
  static final String OIDC = "oidc";

  private final ClientConfigResponse config;

  @Inject
  ClientConfigResource(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
      WebSignInConfig web) {
    this.config = describe(authServerUrl, web.issuer(), web.clientId(), web.scopes(), web.authorizeParameters());
  }

  @GET
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "How the web client signs in (no token needed)")
  public Response clientConfig() {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok(config).cacheControl(noStore).build();
  }

  /**
   * The decision, free of CDI: an auth-server URL means an identity provider verifies the tokens (the local issuer
   * is off), so the browser must get its tokens there.
   */
  static ClientConfigResponse describe(Optional<String> authServerUrl, Optional<String> browserIssuer,
      Optional<String> clientId, String scopes, Map<String, String> authorizeParameters) {
    Optional<String> serverIssuer = authServerUrl.map(String::trim).filter(s -> !s.isEmpty());
    if (serverIssuer.isEmpty()) {
      return new ClientConfigResponse(LOCAL, null);
    }
    String issuer = browserIssuer.map(String::trim).filter(s -> !s.isEmpty()).orElse(serverIssuer.get());
    String id = clientId.map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    String scope = scopes == null || scopes.isBlank() ? "openid" : scopes.trim().replaceAll("\\s+", " ");
    if (!(" " + scope + " ").contains(" openid ")) {
      scope = "openid " + scope; // the id_token (and its nonce) is what binds the login to this page
    }
    return new ClientConfigResponse(OIDC, new OidcClientConfig(issuer, id, scope, new TreeMap<>(authorizeParameters)));
  }

  /** {@code mode} is {@code local} or {@code oidc}; {@code oidc} is present only in the latter. */
  @RegisterForReflection
  record ClientConfigResponse(String mode, OidcClientConfig oidc) {}

  /**
   * The browser's registration at the identity provider: discovery at {@code issuer + /.well-known/openid-configuration};
   * {@code clientId} is null when none is configured.
   */
  @RegisterForReflection
  record OidcClientConfig(String issuer, String clientId, String scopes, Map<String, String> authorizeParameters) {}
}
