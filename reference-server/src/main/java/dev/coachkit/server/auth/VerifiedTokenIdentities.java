package dev.coachkit.server.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The identities that verified bearer tokens yielded, kept for a short while (ADR 0021) so that the next request
 * with the same token skips the signature and claim checks.
 *
 * <p>An identity is stored without what belongs to the request that produced it: attributes holding the request's
 * {@link RoutingContext} or {@link AuthenticationRequestContext} are left out (whatever their names) and, when the
 * identity is handed out again, put back under the same names with the new request's. Everything else (principal,
 * roles, permissions, credentials, the token's expiry and tenant attributes) is the token's own and is kept as is.
 */
@ApplicationScoped
public class VerifiedTokenIdentities {

  /** {@code coach.auth.token-cache.*}: see docs/reference/config.md. */
  @ConfigMapping(prefix = "coach.auth.token-cache")
  public interface Settings {
    /** How long a verified token's identity is reused at most (never past the token's expiry); 0 turns it off. */
    @WithDefault("PT1M")
    Duration ttl();

    /** At most this many tokens are remembered. */
    @WithDefault("10000")
    int maxEntries();
  }

  /** The attribute that marks an identity handed out from the cache (so it is not stored again). */
  private static final String FROM_CACHE = "coachkit.verified-token-cache";

  /** An identity minus what belonged to its request; the names those attributes had. */
  record Remembered(SecurityIdentity identity, List<String> routingContextNames,
      List<String> requestContextNames) {}

  private final VerifiedTokenCache<Remembered> cache;
  private final Counter hits;
  private final Counter stored;

  @Inject
  VerifiedTokenIdentities(Settings settings, Config config, MeterRegistry registry) {
    this(new VerifiedTokenCache<>(settings.ttl(), settings.maxEntries(),
        // quarkus-oidc refuses tokens older than this (since iat) when it is set: an entry must not outlive it.
        config.getOptionalValue("quarkus.oidc.token.age", Duration.class), Clock.systemUTC()), registry);
  }

  VerifiedTokenIdentities(VerifiedTokenCache<Remembered> cache, MeterRegistry registry) {
    this.cache = cache;
    this.hits = Counter.builder("coach.auth.token.cache").tag("outcome", "hit")
        .description("Bearer tokens accepted from the verified-token cache").register(registry);
    this.stored = Counter.builder("coach.auth.token.cache").tag("outcome", "stored")
        .description("Bearer tokens verified and stored in the verified-token cache").register(registry);
  }

  /**
   * The identity an earlier request with exactly this token was given, bound to this request, unless the entry has
   * expired (or the cache is off: then nothing is looked up, not even the token's digest).
   */
  Optional<SecurityIdentity> find(String token, RoutingContext routingContext,
      AuthenticationRequestContext requestContext) {
    Optional<Remembered> found = cache.find(token);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Remembered remembered = found.get();
    QuarkusSecurityIdentity.Builder builder = withoutAttributes(remembered.identity())
        .addAttributes(remembered.identity().getAttributes());
    if (routingContext != null) {
      remembered.routingContextNames().forEach(name -> builder.addAttribute(name, routingContext));
    }
    if (requestContext != null) {
      remembered.requestContextNames().forEach(name -> builder.addAttribute(name, requestContext));
    }
    builder.addAttribute(FROM_CACHE, Boolean.TRUE);
    hits.increment();
    return Optional.of(builder.build());
  }

  /**
   * Stores what a bearer token that quarkus-oidc just verified yielded: only an identity whose principal is that
   * token (a JWT with an expiry) and whose credential is the access token itself.
   *
   * @return whether it was stored
   */
  boolean remember(SecurityIdentity identity) {
    if (!cache.enabled() || identity.isAnonymous()
        || Boolean.TRUE.equals(identity.getAttribute(FROM_CACHE))
        || !(identity.getPrincipal() instanceof JsonWebToken)) {
      return false;
    }
    JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
    AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
    Optional<Instant> expiresAt = instantClaim(jwt, Claims.exp);
    if (credential == null || credential.getToken() == null || !credential.getToken().equals(jwt.getRawToken())
        || expiresAt.isEmpty()) {
      return false;
    }
    Map<String, Object> tokenAttributes = new HashMap<>();
    List<String> routingContextNames = new ArrayList<>();
    List<String> requestContextNames = new ArrayList<>();
    identity.getAttributes().forEach((name, value) -> {
      if (value instanceof RoutingContext) {
        routingContextNames.add(name);
      } else if (value instanceof AuthenticationRequestContext) {
        requestContextNames.add(name);
      } else {
        tokenAttributes.put(name, value);
      }
    });
    SecurityIdentity withoutRequest = withoutAttributes(identity).addAttributes(tokenAttributes).build();
    boolean remembered = cache.remember(credential.getToken(),
        new Remembered(withoutRequest, List.copyOf(routingContextNames), List.copyOf(requestContextNames)),
        expiresAt.get(), instantClaim(jwt, Claims.iat));
    if (remembered) {
      stored.increment();
    }
    return remembered;
  }

  /** A NumericDate claim (seconds since the epoch), if the token has it. */
  private static Optional<Instant> instantClaim(JsonWebToken jwt, Claims claim) {
    Object value = jwt.getClaim(claim.name());
    return value instanceof Number && ((Number) value).longValue() > 0
        ? Optional.of(Instant.ofEpochSecond(((Number) value).longValue())) : Optional.empty();
  }

  /**
   * A builder with the identity's principal, roles, credentials and permissions. Not
   * QuarkusSecurityIdentity.builder(identity): its permission checker would keep the identity it was made from,
   * with that request's attributes, reachable from every copy; these identities' permissions are plain values.
   */
  private static QuarkusSecurityIdentity.Builder withoutAttributes(SecurityIdentity identity) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(identity.getPrincipal())
        .addRoles(identity.getRoles())
        .addCredentials(identity.getCredentials())
        .addPermissions(identity.getPermissions());
  }
}
