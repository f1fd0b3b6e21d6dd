package dev.coachkit.adapter.web.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/**
 * How the reference web client signs in when an identity provider is configured: the browser is a public OIDC
 * client (Authorization Code + PKCE) and these are its registration values, served by {@code GET /api/client-config}.
 */
@ConfigMapping(prefix = "coach.web.oidc")
public interface WebSignInConfig {

  /**
   * The browser client's id at the identity provider (a public client, no secret). Without it the client cannot
   * start the login flow and offers to paste a bearer token instead.
   */
  Optional<String> clientId();

  /**
   * The issuer the browser talks to, when it differs from {@code quarkus.oidc.auth-server-url} (e.g. the server
   * reaches the provider by an internal host name the browser cannot resolve).
   */
  Optional<String> issuer();

  /** Scopes the browser asks for, space separated. */
  @WithDefault("openid profile")
  String scopes();

  /**
   * Extra query parameters of the authorization request, e.g. {@code audience} for providers that only issue a
   * JWT access token for a named API.
   */
  Map<String, String> authorizeParameters();
}
