package dev.coachkit.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokenIdentitiesTest {

  private static final String TOKEN = "header.payload.signature";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final VerifiedTokenIdentities identities = new VerifiedTokenIdentities(
      new VerifiedTokenCache<>(Duration.ofMinutes(1), 100, Optional.empty(), Clock.systemUTC()), registry);

  /** A verified token as quarkus-oidc presents it: claims, the raw token among them. */
  private record Jwt(Map<String, Object> claims) implements JsonWebToken {
    @Override
    public String getName() {
      return (String) claims.get("sub");
    }

    @Override
    public Set<String> getClaimNames() {
      return claims.keySet();
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T> T getClaim(String name) {
      return (T) claims.get(name);
    }
  }

  private static <T> T stub(Class<T> type, String name) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      if (method.getName().equals("toString")) {
        return name;
      }
      if (method.getName().equals("hashCode")) {
        return System.identityHashCode(proxy);
      }
      if (method.getName().equals("equals")) {
        return proxy == args[0];
      }
      throw new UnsupportedOperationException(method.getName());
    }));
  }

  private static Jwt jwt(String token, String subject, long expiresAt) {
    return new Jwt(Map.of("sub", subject, "raw_token", token, "exp", expiresAt,
        "iat", Instant.now().getEpochSecond()));
  }

  private static SecurityIdentity verified(String token, String subject, RoutingContext routing,
      AuthenticationRequestContext request) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(jwt(token, subject, Instant.now().plusSeconds(3600).getEpochSecond()))
        .addCredential(new AccessTokenCredential(token))
        .addRole("coach-user")
        .addPermissionAsString("chat")
        .addAttribute(RoutingContext.class.getName(), routing)
        .addAttribute(AuthenticationRequestContext.class.getName(), request)
        .addAttribute("tenant-id", "Default")
        .build();
  }

  private double counted(String outcome) {
    return registry.get("coach.auth.token.cache").tag("outcome", outcome).counter().count();
  }

  @Test
  void givenVerifiedIdentity_find_returnsItBoundToTheNewRequest() {
    RoutingContext firstRequest = stub(RoutingContext.class, "first request");
    AuthenticationRequestContext firstContext = stub(AuthenticationRequestContext.class, "first context");
    SecurityIdentity original = verified(TOKEN, "alice", firstRequest, firstContext);
    assertThat(identities.remember(original)).isTrue();

    RoutingContext secondRequest = stub(RoutingContext.class, "second request");
    AuthenticationRequestContext secondContext = stub(AuthenticationRequestContext.class, "second context");
    SecurityIdentity found = identities.find(TOKEN, secondRequest, secondContext).orElseThrow();

    assertThat(found.getPrincipal()).isSameAs(original.getPrincipal());
    assertThat(found.getRoles()).containsExactly("coach-user");
    assertThat(found.getCredential(AccessTokenCredential.class).getToken()).isEqualTo(TOKEN);
    assertThat(found.checkPermissionBlocking(new StringPermission("chat"))).isTrue();
    assertThat(found.checkPermissionBlocking(new StringPermission("admin"))).isFalse();
    assertThat((Object) found.getAttribute("tenant-id")).isEqualTo("Default");
    assertThat((Object) found.getAttribute(RoutingContext.class.getName())).isSameAs(secondRequest);
    assertThat((Object) found.getAttribute(AuthenticationRequestContext.class.getName())).isSameAs(secondContext);
    assertThat(found.getAttributes().values()).doesNotContain(firstRequest, firstContext);
    assertThat(counted("stored")).isEqualTo(1.0);
    assertThat(counted("hit")).isEqualTo(1.0);
  }

  @Test
  void givenIdentityFromTheCache_remember_doesNotStoreItAgain() {
    identities.remember(verified(TOKEN, "alice", stub(RoutingContext.class, "r"),
        stub(AuthenticationRequestContext.class, "c")));
    SecurityIdentity fromCache = identities.find(TOKEN, null, null).orElseThrow();

    assertThat(identities.remember(fromCache)).isFalse();
    assertThat(counted("stored")).isEqualTo(1.0);
  }

  @Test
  void givenOtherToken_find_returnsNothing() {
    identities.remember(verified(TOKEN, "alice", null, null));

    assertThat(identities.find(TOKEN + "x", null, null)).isEmpty();
    assertThat(identities.find("header.payload.signaturf", null, null)).isEmpty();
  }

  @Test
  void givenIdentityWhosePrincipalIsAnotherToken_remember_storesNothing() {
    SecurityIdentity mismatched = QuarkusSecurityIdentity.builder()
        .setPrincipal(jwt("another.token.value", "mallory", Instant.now().plusSeconds(3600).getEpochSecond()))
        .addCredential(new AccessTokenCredential(TOKEN))
        .build();

    assertThat(identities.remember(mismatched)).isFalse();
    assertThat(identities.find(TOKEN, null, null)).isEmpty();
  }

  @Test
  void givenTokenWithoutExpiry_remember_storesNothing() {
    SecurityIdentity noExpiry = QuarkusSecurityIdentity.builder()
        .setPrincipal(new Jwt(Map.of("sub", "alice", "raw_token", TOKEN)))
        .addCredential(new AccessTokenCredential(TOKEN))
        .build();

    assertThat(identities.remember(noExpiry)).isFalse();
  }

  @Test
  void givenAnonymousOrNonJwtIdentity_remember_storesNothing() {
    assertThat(identities.remember(QuarkusSecurityIdentity.builder().setAnonymous(true).build())).isFalse();
    assertThat(identities.remember(QuarkusSecurityIdentity.builder()
        .setPrincipal(() -> "alice").addCredential(new AccessTokenCredential(TOKEN)).build())).isFalse();
  }
}
