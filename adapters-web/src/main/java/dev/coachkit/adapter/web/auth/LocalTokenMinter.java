package dev.coachkit.adapter.web.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * Driven by the web adapter, provided by the host application: signs access tokens for named local users
 * when the server runs its own local issuer instead of an external OIDC provider.
 */
public interface LocalTokenMinter {

  /** Whether minting is allowed at all in this mode (local issuer active and not the production profile). */
  boolean enabled();

  /** Why minting is off, for the refusal message; only meaningful when {@link #enabled()} is false. */
  String disabledReason();

  /** Signs a token whose subject is {@code user}. */
  MintedToken mint(String user);

  /** A signed bearer token and the instant it stops being accepted. */
  record MintedToken(String accessToken, Instant expiresAt) {
    public MintedToken {
      Objects.requireNonNull(accessToken, "accessToken must not be null");
      Objects.requireNonNull(expiresAt, "expiresAt must not be null");
    }
  }
}
